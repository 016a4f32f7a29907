package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.client.CachingSchemaRegistryClient;
import io.tributary.formats.registry.client.HttpSchemaRegistryClient;
import io.tributary.formats.registry.client.RegistryClientSettings;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.tributary.testkit.TestKafka;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP registry client against the embedded registry, through a proxy that counts the requests it forwards: the
 * caching client must ask once per schema, send its credentials, keep the registry's error codes, and fail over to
 * the next URL, or fail with 50303, when a registry cannot be reached.
 */
class SchemaRegistryClientE2ETest {
  private static final String SCHEMA = SchemaRegistryTestData.avroRecord("Counted");

  private static Vertx vertx;
  private static HttpServer proxy;
  private static String proxyUrl;
  private static final List<String> FORWARDED = new CopyOnWriteArrayList<>();
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void countingProxy() throws Exception {
    URI registry = URI.create(SchemaRegistryTestData.registry(TestServer.shared()).baseUrl());
    vertx = Vertx.vertx();
    HttpClient upstream = vertx.createHttpClient();
    proxy = vertx.createHttpServer().requestHandler(request -> forward(upstream, registry, request));
    proxy.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    proxyUrl = "http://127.0.0.1:" + proxy.actualPort();
  }

  private static void forward(HttpClient upstream, URI registry, HttpServerRequest request) {
    FORWARDED.add(request.method() + " " + request.uri());
    AUTHORIZATIONS.add(String.valueOf(request.getHeader("Authorization")));
    request.body().compose(body -> upstream.request(new RequestOptions().setMethod(request.method())
        .setHost(registry.getHost()).setPort(registry.getPort()).setURI(request.uri())
        .setHeaders(request.headers().remove("Host"))).compose(r -> r.send(body)))
        .compose(answer -> answer.body().map(b -> {
          request.response().setStatusCode(answer.statusCode())
              .putHeader("Content-Type", String.valueOf(answer.getHeader("Content-Type"))).end(b);
          return null;
        }))
        .onFailure(e -> request.response().setStatusCode(502).end());
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @BeforeEach
  void reset() {
    FORWARDED.clear();
    AUTHORIZATIONS.clear();
  }

  @Test
  void theCachingClientAsksTheRegistryOncePerAnswerAndSendsItsCredentials() throws Exception {
    SchemaRegistryClient client = cachingClient(Map.of("schema.registry.url", proxyUrl,
        "schema.registry.basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", "alice:s3cret"));
    String subject = TestKafka.uniqueTopic("cached") + "-value";

    int id = await(client.register(subject, SchemaType.AVRO, SCHEMA));
    SubjectVersion looked = await(client.lookup(subject, SchemaType.AVRO, SCHEMA));
    RegisteredSchema byId = await(client.getById(id));
    SubjectVersion first = await(client.getVersion(subject, 1));
    SubjectVersion latest = await(client.getLatest(subject));

    assertThat(looked.id()).isEqualTo(id);
    assertThat(looked.version()).isEqualTo(1);
    assertThat(byId.type()).isEqualTo(SchemaType.AVRO);
    assertThat(byId.schema()).isEqualTo(looked.schema());
    assertThat(first).isEqualTo(looked);
    assertThat(latest).isEqualTo(looked);
    // The look-up already carried the schema behind the id, so getById needed no request of its own.
    assertThat(FORWARDED).hasSize(4);
    assertThat(AUTHORIZATIONS).containsOnly(
        "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));

    for (int i = 0; i < 3; i++) {
      assertThat(await(client.register(subject, SchemaType.AVRO, SCHEMA))).isEqualTo(id);
      assertThat(await(client.lookup(subject, SchemaType.AVRO, SCHEMA))).isEqualTo(looked);
      assertThat(await(client.getById(id))).isEqualTo(byId);
      assertThat(await(client.getVersion(subject, 1))).isEqualTo(first);
      assertThat(await(client.getLatest(subject))).isEqualTo(latest);
    }
    assertThat(FORWARDED).as("requests that reached the registry: %s", FORWARDED).hasSize(4);
  }

  @Test
  void schemaReferencesTravelBothWaysOverHttp() throws Exception {
    SchemaRegistryClient client = cachingClient(Map.of("schema.registry.url", proxyUrl));
    io.tributary.testkit.Http registry = SchemaRegistryTestData.registry(TestServer.shared());
    String addresses = TestKafka.uniqueTopic("client-ref-address") + "-value";
    String customers = TestKafka.uniqueTopic("client-ref-customer") + "-value";
    String customer = "{\"type\":\"record\",\"name\":\"ClientCustomer\",\"fields\":[{\"name\":\"home\","
        + "\"type\":\"Counted\"}]}";
    List<SchemaReference> references = List.of(new SchemaReference("Counted", addresses, 1));
    SchemaRegistryTestData.register(registry, addresses, SchemaRegistryTestData.body(SCHEMA));
    int id = SchemaRegistryTestData.register(registry, customers, new io.vertx.core.json.JsonObject()
        .put("schema", customer).put("references", new io.vertx.core.json.JsonArray()
            .add(new io.vertx.core.json.JsonObject().put("name", "Counted").put("subject", addresses)
                .put("version", 1))).encode()).json().getInteger("id");

    assertThat(await(client.getById(id)).references()).isEqualTo(references);
    assertThat(await(client.getVersion(customers, 1)).references()).isEqualTo(references);
    SubjectVersion looked = await(client.lookup(customers, SchemaType.AVRO, customer, references));
    assertThat(looked.id()).isEqualTo(id);
    assertThat(looked.references()).isEqualTo(references);
    // Without its references the text does not even parse: the registry's 42201 comes through.
    assertThatThrownBy(() -> await(client.lookup(customers, SchemaType.AVRO, customer)))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
  }

  @Test
  void registryErrorsKeepTheirCodesAndAreNotCached() {
    SchemaRegistryClient client = cachingClient(Map.of("schema.registry.url", proxyUrl,
        "schema.registry.bearer.auth.token", "t0ken"));
    String subject = TestKafka.uniqueTopic("missing") + "-value";

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> await(client.getVersion(subject, 1))).isInstanceOfSatisfying(
          SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    }
    assertThatThrownBy(() -> await(client.register(subject, SchemaType.AVRO, "{\"type\":\"nonsense\"}")))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThat(FORWARDED).hasSize(3);
    assertThat(AUTHORIZATIONS).containsOnly("Bearer t0ken");
  }

  @Test
  void anUnreachableRegistryFailsWith50303AndTheNextUrlIsTried() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort();
    SchemaRegistryClient deadOnly = cachingClient(Map.of("schema.registry.url", dead,
        "schema.registry.http.connect.timeout.ms", "2000"));
    assertThatThrownBy(() -> await(deadOnly.getById(1))).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> {
          assertThat(e.errorCode()).isEqualTo(50303);
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.getMessage()).contains("Schema registry unavailable");
        });

    SchemaRegistryClient failingOver = cachingClient(Map.of("schema.registry.url", dead + "," + proxyUrl));
    String subject = TestKafka.uniqueTopic("failover") + "-value";
    assertThat(await(failingOver.register(subject, SchemaType.AVRO, SCHEMA))).isPositive();
    assertThat(FORWARDED).hasSize(1);
  }

  private static SchemaRegistryClient cachingClient(Map<String, String> config) {
    RegistryClientSettings settings = RegistryClientSettings.from(new TributaryConfig(new HashMap<>(config)));
    return new CachingSchemaRegistryClient(
        new HttpSchemaRegistryClient(WebClient.create(vertx, settings.options()), settings), settings.latestTtlMs());
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
