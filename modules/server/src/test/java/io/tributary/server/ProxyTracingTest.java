package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.TributaryConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the otel.* keys turn tracing on, and settings the exporter cannot honour turn it off instead of failing. */
class ProxyTracingTest {
  @Test
  void offWithoutAnEndpoint() {
    ProxyTracing tracing = ProxyTracing.create(new TributaryConfig(Map.of("otel.service.name", "x")));
    assertThat(tracing.tracerFactory()).isNull();
  }

  @Test
  void onWithAnEndpoint() {
    ProxyTracing tracing = ProxyTracing.create(new TributaryConfig(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:" + TestServer.freePort())));
    try {
      assertThat(tracing.tracerFactory()).isNotNull();
    } finally {
      tracing.close();
    }
  }

  @Test
  void offWhenDisabledOrTheExporterIsNone() {
    assertThat(ProxyTracing.create(new TributaryConfig(Map.of("otel.exporter.otlp.endpoint", "http://127.0.0.1:1",
        "otel.sdk.disabled", "true"))).tracerFactory()).isNull();
    assertThat(ProxyTracing.create(new TributaryConfig(Map.of("otel.traces.exporter", "none")))
        .tracerFactory()).isNull();
  }

  @Test
  void grpcHasNoSenderHereSoTracingStaysOffAndStartUpGoesOn() {
    ProxyTracing tracing = ProxyTracing.create(new TributaryConfig(Map.of(
        "otel.exporter.otlp.endpoint", "http://127.0.0.1:1", "otel.exporter.otlp.protocol", "grpc")));
    assertThat(tracing.tracerFactory()).isNull();
  }
}
