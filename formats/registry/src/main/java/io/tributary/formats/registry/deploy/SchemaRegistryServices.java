package io.tributary.formats.registry.deploy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.client.CachingSchemaRegistryClient;
import io.tributary.formats.registry.client.EmbeddedSchemaRegistryClient;
import io.tributary.formats.registry.client.HttpSchemaRegistryClient;
import io.tributary.formats.registry.client.RegistryClientSettings;
import io.tributary.formats.registry.convert.FormatEngine;
import io.tributary.formats.registry.convert.FormatWorkerVerticle;
import io.tributary.formats.registry.embedded.SchemaStoreVerticle;
import io.tributary.formats.registry.embedded.http.RegistryHttpVerticle;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.http.auth.AuthHandler;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the schema side of the proxy: with no {@code schema.registry.url}, the embedded registry (its store, then
 * its HTTP listener); in every case the format converters, talking to the embedded store over the bus or to the
 * configured registry over HTTP. Deployment ids come back in deployment order (undeploy in reverse).
 */
public final class SchemaRegistryServices {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServices.class);

  private SchemaRegistryServices() {}

  /**
   * @param auth the proxy's authentication, which also guards the embedded registry's listener
   */
  public static Future<List<String>> deploy(Vertx vertx, TributaryConfig config, AuthHandler auth) {
    return deploy(vertx, config, auth, new CompositeMeterRegistry());
  }

  /**
   * @param auth the proxy's authentication, which also guards the embedded registry's listener
   * @param meters where the schema cache counts its hits and misses
   */
  public static Future<List<String>> deploy(Vertx vertx, TributaryConfig config, AuthHandler auth,
      MeterRegistry meters) {
    SchemaFormats formats = SchemaFormats.discover();
    RegistryClientSettings settings = RegistryClientSettings.from(config);
    List<String> ids = new ArrayList<>();
    Future<Void> registry;
    SchemaRegistryClient client;
    if (config.get(ConfigKeys.SCHEMA_REGISTRY_URL).isBlank()) {
      var listener = RegistryHttpVerticle.listener(config);
      registry = vertx.deployVerticle(new SchemaStoreVerticle(config, formats)).compose(id -> {
        ids.add(id);
        return vertx.deployVerticle(new RegistryHttpVerticle(config, formats.types(), auth));
      }).map(id -> {
        ids.add(id);
        LOG.info("No schema.registry.url configured: serving the embedded schema registry on {} (topic {})",
            listener, config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC));
        return null;
      });
      client = new EmbeddedSchemaRegistryClient(vertx, config.get(ConfigKeys.BUS_TIMEOUT_MS));
    } else {
      LOG.info("Using the schema registry at {}", settings.urls());
      registry = Future.succeededFuture();
      client = new HttpSchemaRegistryClient(WebClient.create(vertx, settings.options()), settings);
    }
    FormatEngine engine = new FormatEngine(new CachingSchemaRegistryClient(client, settings.latestTtlMs(), meters), formats);
    int configured = config.get(ConfigKeys.FORMAT_WORKERS);
    int workers = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    return registry.compose(v -> vertx.deployVerticle(() -> new FormatWorkerVerticle(engine),
        new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER).setInstances(workers))).map(id -> {
          ids.add(id);
          return ids;
        });
  }
}
