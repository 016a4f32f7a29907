package io.tributary.formats.registry.embedded.http;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.LocalRecordCodec;
import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.embedded.RegistryErrors;
import io.tributary.formats.registry.embedded.RegistryMessages.GetVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.Register;
import io.tributary.formats.registry.embedded.RegistryMessages.Registered;
import io.tributary.formats.registry.embedded.RegistryMessages.Version;
import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.SchemaExtras;
import io.tributary.formats.schema.SchemaType;
import io.tributary.http.auth.AuthHandler;
import io.tributary.testkit.FakeEngine;
import io.tributary.testkit.Http;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded registry's HTTP routes against a fake store on the bus (no broker): what reaches the store, how its
 * replies and failures are written, and the media-type checks the route kernel makes before anything is asked.
 */
class RegistryRoutesComponentTest {
  private static final String SCHEMA = "{\"type\":\"string\"}";

  private Vertx vertx;
  private FakeEngine store;
  private Http http;

  @BeforeEach
  void start() throws Exception {
    int port = freePort();
    vertx = Vertx.vertx();
    LocalRecordCodec.install(vertx.eventBus());
    store = new FakeEngine(vertx);
    TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", "127.0.0.1:1",
        "embedded.schema.registry.listener", "http://127.0.0.1:" + port));
    await(vertx.deployVerticle(new RegistryHttpVerticle(config, Set.of(SchemaType.AVRO), AuthHandler.off())));
    http = new Http("http://127.0.0.1:" + port);
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    await(vertx.close());
  }

  @Test
  void aRegistrationReachesTheStoreAsTheBodySaysAndAnswersItsId() {
    store.reply(RegistryOps.REGISTER, new Registered(7, 1));

    Http.Reply reply = http.post("/subjects/orders-value/versions")
        .contentType("application/vnd.schemaregistry.v1+json")
        .body(new JsonObject().put("schema", SCHEMA).encode()).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(reply.json()).isEqualTo(new JsonObject().put("id", 7));
    Register sent = store.onlyRequest(RegistryOps.REGISTER, Register.class);
    assertThat(sent.subject()).isEqualTo("orders-value");
    assertThat(sent.schema()).isEqualTo(SCHEMA);
  }

  @Test
  void aVersionIsAnsweredInTheTypeAcceptAsksForAndItsRawSchemaAsItIs() {
    store.reply(RegistryOps.VERSION_GET, new Version(new SubjectVersion("orders-value", 1, 7, SchemaType.AVRO,
        SCHEMA), SchemaExtras.NONE));

    Http.Reply version = http.get("/subjects/orders-value/versions/1").accept("application/json").send();
    Http.Reply raw = http.get("/subjects/orders-value/versions/1/schema").send();

    assertThat(version.status()).as("%s", version).isEqualTo(200);
    assertThat(version.contentType()).isEqualTo("application/json");
    assertThat(version.json().getInteger("id")).isEqualTo(7);
    assertThat(version.json().getString("schema")).isEqualTo(SCHEMA);
    assertThat(raw.status()).isEqualTo(200);
    assertThat(raw.text()).isEqualTo(SCHEMA);
    assertThat(store.requests(RegistryOps.VERSION_GET)).containsOnly(new GetVersion("orders-value", 1, false, null));
  }

  @Test
  void theStoresFailureIsTheRegistrysErrorBody() {
    store.fail(RegistryOps.VERSION_GET, RegistryErrors.subjectNotFound("orders-value"));

    Http.Reply reply = http.get("/subjects/orders-value/versions/1").send();

    assertError(reply, 404, RegistryErrors.SUBJECT_NOT_FOUND);
    assertThat(reply.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void mediaTypesTheRegistryDoesNotSpeakAreRefusedBeforeTheStoreIsAsked() {
    store.reply(RegistryOps.REGISTER, new Registered(7, 1));

    Http.Reply unsupported = http.post("/subjects/orders-value/versions").contentType("text/plain")
        .body(new JsonObject().put("schema", SCHEMA).encode()).send();
    Http.Reply notAcceptable = http.get("/subjects/orders-value/versions/1").accept("text/html").send();

    assertError(unsupported, 415, 415);
    assertThat(notAcceptable.status()).isEqualTo(406);
    assertThat(notAcceptable.bytes()).isEmpty();
    assertThat(store.requests(RegistryOps.REGISTER)).isEmpty();
    assertThat(store.requests(RegistryOps.VERSION_GET)).isEmpty();
  }

  @Test
  void aBadVersionIsTheRegistrysErrorAndNeverReachesTheStore() {
    Http.Reply reply = http.get("/subjects/orders-value/versions/one").send();

    assertError(reply, 422, 42202);
    assertThat(store.requests(RegistryOps.VERSION_GET)).isEmpty();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
