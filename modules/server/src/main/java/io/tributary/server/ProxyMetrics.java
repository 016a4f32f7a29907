package io.tributary.server;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's meters: one registry that Vert.x (HTTP server, event bus, JVM), the engines (Kafka clients, records)
 * and the routes write to, read by the Prometheus scrape and, under {@code metrics.jmx.prefix}, by JMX. The label
 * rules that keep every label set bounded are in {@link HttpMeterLabels}.
 */
final class ProxyMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyMetrics.class);

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JmxMeterRegistry jmx;
  private final AtomicInteger streamsOpen = new AtomicInteger();

  private ProxyMetrics(String jmxPrefix, boolean topicLabels) {
    // Filters first: they apply to meters registered after them, and Vert.x registers its own from the start.
    HttpMeterLabels.install(registry);
    if (!topicLabels) {
      // The Kafka clients keep meters per topic and partition; one series per topic a client names is unbounded.
      registry.config().meterFilter(MeterFilter.deny(id -> id.getName().startsWith("kafka.")
          && (id.getTag("topic") != null || id.getTag("partition") != null)));
    }
    registry.add(prometheus);
    jmx = jmxPrefix.isBlank() ? null : jmx(jmxPrefix);
    if (jmx != null) {
      registry.add(jmx);
    }
    // Vert.x's JVM metrics bring uptime, CPU, memory, GC, threads and class loading; open files are not among them.
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("tributary.v3.streams.open", streamsOpen, AtomicInteger::get)
        .description("v3 streaming produce requests in progress").register(registry);
  }

  static ProxyMetrics create(TributaryConfig config) {
    return new ProxyMetrics(config.get(ConfigKeys.METRICS_JMX_PREFIX).trim(),
        config.get(ConfigKeys.METRICS_TOPIC_LABELS));
  }

  /**
   * A Vert.x instance whose HTTP servers, event bus and JVM report into this registry, traced by {@code tracer}
   * unless it is null (tracing off).
   */
  Vertx newVertx(VertxTracerFactory tracer) {
    return builder(tracer, new VertxOptions()).build();
  }

  /** As {@link #newVertx}, joined to a cluster through {@code manager}, its event bus on {@code bus}. */
  Future<Vertx> newClusteredVertx(VertxTracerFactory tracer, ClusterManager manager, EventBusOptions bus) {
    return builder(tracer, new VertxOptions().setEventBusOptions(bus)).withClusterManager(manager).buildClustered();
  }

  private VertxBuilder builder(VertxTracerFactory tracer, VertxOptions vertxOptions) {
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true)
        // A name of its own: Vert.x keeps registries by name per JVM, and tests run several proxies in one JVM.
        .setRegistryName("tributary-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        // Never HTTP_PATH or LOCAL/REMOTE: raw paths and client addresses would grow the label sets without bound.
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_ADDRESS,
            Label.EB_FAILURE, Label.EB_SIDE));
    VertxBuilder builder = Vertx.builder().with(vertxOptions.setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(registry));
    return tracer == null ? builder : builder.withTracer(tracer);
  }

  /** Open v3 produce streams, counted by the HTTP verticles (the one place that tells a stream from a request). */
  AtomicInteger streamsOpen() {
    return streamsOpen;
  }

  MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter; CPU work proportional to the meters, so not on an event loop. */
  String scrape() {
    return prometheus.scrape();
  }

  void close() {
    registry.close();
  }

  /**
   * The JMX view. Registering MBeans can fail (a security manager, a clash with another instance in the same JVM);
   * that costs the JMX view, never the start-up or a request.
   */
  private static JmxMeterRegistry jmx(String prefix) {
    try {
      // Dropwizard's JMX reporter quotes meter names but not the domain: a domain that is no valid ObjectName
      // domain would make every meter registration throw, so it turns the JMX view off instead.
      new ObjectName(prefix + ":type=probe");
      JmxConfig config = new JmxConfig() {
        @Override
        public String get(String key) {
          return null;
        }

        @Override
        public String domain() {
          return prefix;
        }
      };
      return new JmxMeterRegistry(config, Clock.SYSTEM, HierarchicalNameMapper.DEFAULT);
    } catch (MalformedObjectNameException | RuntimeException | LinkageError e) {
      LOG.warn("JMX metrics are off (metrics.jmx.prefix '{}'): {}", prefix, e.getMessage());
      return null;
    }
  }
}
