package io.tributary.server;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenTelemetry tracing: off unless the standard variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, ...), their system
 * properties or their {@code otel.*} keys in the configuration file name where spans go. The SDK's own
 * autoconfiguration reads them (variables and system properties win over the file); Vert.x then opens a span per HTTP
 * request and per event-bus operation, and the produce engine writes the current span into each record's
 * {@code traceparent} header.
 */
final class ProxyTracing {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyTracing.class);
  private static final String PREFIX = "otel.";
  // Any of these, set anywhere, turns tracing on; the service name or the sampler alone does not.
  private static final List<String> SWITCHES = List.of("otel.exporter.otlp.endpoint",
      "otel.exporter.otlp.traces.endpoint", "otel.traces.exporter");
  // The exporter's own failure log (java.util.logging, several lines per failed batch) is replaced by
  // ThrottledSpanExporter's one warning a minute. Held here: java.util.logging keeps loggers weakly.
  private static final java.util.logging.Logger EXPORTER_LOG = java.util.logging.Logger.getLogger(
      "io.opentelemetry.exporter");

  private final OpenTelemetrySdk sdk;

  private ProxyTracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  static ProxyTracing create(TributaryConfig config) {
    Map<String, String> fromFile = new HashMap<>();
    config.withPrefix(PREFIX).forEach((key, value) -> fromFile.put(PREFIX + key, value));
    if (!switchedOn(fromFile) || "true".equalsIgnoreCase(setting(fromFile, "otel.sdk.disabled"))) {
      return new ProxyTracing(null);
    }
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.service.name", "tributary");
    defaults.put("otel.exporter.otlp.protocol", "http/protobuf");
    // Traces only: the proxy's metrics are Prometheus/JMX (docs/operations.md), its logs are logback's.
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    defaults.putAll(fromFile);
    try {
      EXPORTER_LOG.setLevel(Level.OFF);
      OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
          .addPropertiesSupplier(() -> defaults)
          .addSpanExporterCustomizer((exporter, properties) -> new ThrottledSpanExporter(exporter))
          .disableShutdownHook()
          .build()
          .getOpenTelemetrySdk();
      LOG.info("Tracing is on: spans go to {}", describeEndpoint(defaults));
      return new ProxyTracing(sdk);
    } catch (RuntimeException e) {
      // A protocol without a sender (grpc), a bad sampler name: the proxy serves untraced rather than not at all.
      // The SDK wraps the real reason ("No GrpcSenderProvider found...") in a generic one: report the innermost.
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      LOG.warn("Tracing is off: the OpenTelemetry settings were refused: {}", cause.getMessage());
      return new ProxyTracing(null);
    }
  }

  /** The tracer for {@code Vertx.builder().withTracer}, or null when tracing is off. */
  VertxTracerFactory tracerFactory() {
    return sdk == null ? null : new OpenTelemetryTracingFactory(sdk);
  }

  /** Hands what is queued to the exporter without waiting: an unreachable collector must not hold up shutdown. */
  void close() {
    if (sdk != null) {
      sdk.shutdown();
    }
  }

  private static boolean switchedOn(Map<String, String> fromFile) {
    return SWITCHES.stream().map(key -> setting(fromFile, key))
        .anyMatch(value -> value != null && !value.isBlank() && !"none".equalsIgnoreCase(value.trim()));
  }

  /** A setting as the SDK resolves it: system property, then environment variable, then the file. */
  private static String setting(Map<String, String> fromFile, String key) {
    String property = System.getProperty(key);
    if (property != null) {
      return property;
    }
    String variable = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    return variable != null ? variable : fromFile.get(key);
  }

  private static String describeEndpoint(Map<String, String> defaults) {
    String traces = setting(defaults, "otel.exporter.otlp.traces.endpoint");
    String endpoint = traces != null ? traces : setting(defaults, "otel.exporter.otlp.endpoint");
    return endpoint != null ? endpoint : "the exporter's default endpoint";
  }
}
