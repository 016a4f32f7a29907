package io.tributary.http.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.auth.Grant;
import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route kernel in a real router, with the one failure handler wired as the server wires it: every failure,
 * returned or thrown, reaches that handler in the claiming generation's shape; a denied permission is the
 * generation's 403 and the handler never runs; media types are declined with 406/415; the renderer writes replies.
 */
class RouteKernelTest {
  private static final List<Offer<String>> JSON = List.of(Offer.of(KafkaMediaTypes.JSON, 1.0, KafkaMediaTypes.JSON));
  private static final String PRINCIPAL_KEY = "tributary.principal";

  private final AtomicInteger handled = new AtomicInteger();
  private Vertx vertx;
  private HttpClient client;
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler(ConfluentErrorRenderer.V1);
    router.route().handler(BodyHandler.create());
    // Stands in for authentication: a principal allowed to read "orders" only.
    router.route().handler(ctx -> {
      ctx.put(PRINCIPAL_KEY, new Principal("alice", List.of(new Grant(List.of("orders"), Set.of(Operation.CONSUME))),
          false));
      ctx.next();
    });
    RouteKernel v3 = new RouteKernel(Generation.of(ConfluentErrorRenderer.V3));
    RouteKernel eventStreams = new RouteKernel(Generation.of(EventStreamsErrorRenderer.INSTANCE)
        .wordedBy(e -> ErrorCode.SERVICE_UNAVAILABLE.toException("reworded: " + e.getMessage())));

    v3.at(router.get("/reply/:topic")).produces(JSON).requires(Permission.onTopic(Operation.CONSUME, "topic"))
        .handles(call -> {
          handled.incrementAndGet();
          return Future.succeededFuture(Reply.created(new JsonObject().put("topic", call.path("topic")),
              "/reply/" + call.path("topic")));
        });
    v3.at(router.post("/bytes")).consumes(BodyTypes.exactly(JSON)).produces(JSON).renders(Renderer.bytes())
        .handles(call -> Future.succeededFuture(Reply.of(207, Buffer.buffer("[\"" + call.bodyType() + "\"]"))));
    v3.at(router.delete("/nothing")).produces(JSON).handles(call -> Future.succeededFuture(Reply.noContent()));
    v3.at(router.get("/returned")).produces(JSON)
        .handles(call -> Future.failedFuture(ErrorCode.TOPIC_NOT_FOUND.toException()));
    v3.at(router.get("/thrown")).produces(JSON).handles(call -> {
      throw ErrorCode.PARTITION_NOT_FOUND.toException();
    });
    v3.at(router.get("/bug")).produces(JSON).handles(call -> {
      throw new IllegalStateException("a bug in " + getClass().getName());
    });
    v3.at(router.get("/renderer-fails")).produces(JSON)
        .renders((response, type, body) -> {
          throw ErrorCode.UNPROCESSABLE_ENTITY.toException("cannot render");
        })
        .handles(call -> Future.succeededFuture(Reply.ok("body")));
    eventStreams.at(router.get("/es")).produces(JSON)
        .handles(call -> Future.failedFuture(ErrorCode.TOPIC_NOT_FOUND.toException()));
    eventStreams.at(router.get("/es-any-accept")).answersIn("application/json")
        .handles(call -> Future.succeededFuture(Reply.ok(new JsonObject().put("type", call.contentType()))));
    v3.at(router.post("/owned")).ownsPath().consumes(BodyTypes.exactly(JSON, (matched, header) -> {
      if (header.contains("charset=") && !header.contains("charset=utf-8")) {
        throw ErrorCode.BAD_REQUEST.toException("charset");
      }
      return matched;
    })).produces(JSON).requires(ctx -> {
      throw ErrorCode.FORBIDDEN.toException();
    }).handles(call -> {
      handled.incrementAndGet();
      return Future.succeededFuture(Reply.noContent());
    });
    // A later route on the same path: it takes what a declining route passes on, never what an owning one refused.
    router.post("/owned").handler(ctx -> ctx.response().setStatusCode(299).end());
    v3.at(router.post("/shared")).consumes(BodyTypes.exactly(JSON)).produces(JSON)
        .handles(call -> Future.succeededFuture(Reply.noContent()));
    router.post("/shared").handler(ctx -> ctx.response().setStatusCode(299).end());
    v3.at(router.post("/streamed")).produces(JSON).handles(call -> {
      call.ctx().response().setStatusCode(202).end("by the route");
      return Future.succeededFuture(Reply.writtenByRoute());
    });

    router.route().failureHandler(failures);
    router.errorHandler(404, ctx -> failures.unmatched(ctx, 404));
    router.errorHandler(405, ctx -> failures.unmatched(ctx, 405));
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    port = await(server.listen(0, "127.0.0.1")).actualPort();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void theRendererWritesTheStatusHeadersAndBodyOfAReply() throws Exception {
    Answer created = call(HttpMethod.GET, "/reply/orders", null, null);
    assertThat(created.status).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/reply/orders");
    assertThat(created.header("Content-Type")).isEqualTo("application/json");
    assertThat(new JsonObject(created.body)).isEqualTo(new JsonObject().put("topic", "orders"));

    Answer bytes = call(HttpMethod.POST, "/bytes", "application/json; charset=utf-8", "{}");
    assertThat(bytes.status).isEqualTo(207);
    assertThat(bytes.body).isEqualTo("[\"application/json\"]");

    Answer none = call(HttpMethod.DELETE, "/nothing", null, null);
    assertThat(none.status).isEqualTo(204);
    assertThat(none.header("Content-Type")).isNull();
  }

  @Test
  void aDeniedPermissionIsTheGenerationsForbiddenAndTheHandlerNeverRuns() throws Exception {
    Answer denied = call(HttpMethod.GET, "/reply/payments", null, null);

    assertThat(denied.status).isEqualTo(403);
    assertThat(denied.json().getInteger("error_code")).isEqualTo(40301);
    assertThat(denied.json().getString("message")).contains("alice").contains("payments");
    assertThat(handled).hasValue(0);
  }

  @Test
  void failuresReturnedThrownOrUnexpectedAllReachTheOneFailureHandler() throws Exception {
    Answer returned = call(HttpMethod.GET, "/returned", null, null);
    assertThat(returned.status).isEqualTo(404);
    assertThat(returned.json().getInteger("error_code")).isEqualTo(40401);

    Answer thrown = call(HttpMethod.GET, "/thrown", null, null);
    assertThat(thrown.status).isEqualTo(404);
    assertThat(thrown.json().getInteger("error_code")).isEqualTo(40402);

    Answer bug = call(HttpMethod.GET, "/bug", null, null);
    assertThat(bug.status).isEqualTo(500);
    assertThat(bug.json().getInteger("error_code")).isEqualTo(500);
    assertThat(bug.body).doesNotContain("IllegalStateException").doesNotContain("RouteKernelTest");

    Answer renderer = call(HttpMethod.GET, "/renderer-fails", null, null);
    assertThat(renderer.status).isEqualTo(422);
    assertThat(renderer.json().getString("message")).isEqualTo("cannot render");
  }

  @Test
  void theClaimingGenerationWordsAndShapesItsFailures() throws Exception {
    Answer es = call(HttpMethod.GET, "/es", null, null);

    assertThat(es.status).isEqualTo(503);
    assertThat(es.json().getInteger("error_code")).isEqualTo(503);
    assertThat(es.json().getJsonObject("error").getString("message")).startsWith("reworded: ");
  }

  @Test
  void mediaTypesTheRouteDoesNotSpeakAreDeclinedWith406Or415() throws Exception {
    Answer notAcceptable = call(HttpMethod.GET, "/reply/orders", null, null, "text/html");
    assertThat(notAcceptable.status).isEqualTo(406);
    assertThat(handled).hasValue(0);

    Answer unsupported = call(HttpMethod.POST, "/bytes", "text/plain", "x");
    assertThat(unsupported.status).isEqualTo(415);
    assertThat(unsupported.json().getInteger("error_code")).isEqualTo(415);

    Answer noContentType = call(HttpMethod.POST, "/bytes", null, "{}");
    assertThat(noContentType.status).isEqualTo(415);
  }

  @Test
  void aRouteThatOwnsItsPathRefusesMediaTypesItselfAndReadsTheBodyTypeBeforeThePermission() throws Exception {
    assertThat(call(HttpMethod.POST, "/owned", "text/plain", "{}").status).isEqualTo(415);
    assertThat(call(HttpMethod.POST, "/owned", "application/json", "{}", "text/html").status).isEqualTo(406);
    Answer charset = call(HttpMethod.POST, "/owned", "application/json; charset=utf-16", "{}");
    assertThat(charset.status).isEqualTo(400);
    assertThat(charset.json().getString("message")).isEqualTo("charset");
    assertThat(call(HttpMethod.POST, "/owned", "application/json", "{}").status).isEqualTo(403);
    assertThat(handled).hasValue(0);

    assertThat(call(HttpMethod.POST, "/shared", "text/plain", "{}").status).isEqualTo(299);
    assertThat(call(HttpMethod.POST, "/shared", "application/json", "{}").status).isEqualTo(204);
  }

  @Test
  void aRouteMayAnswerInOneTypeWhateverAcceptSaysOrWriteTheResponseItself() throws Exception {
    Answer anyAccept = call(HttpMethod.GET, "/es-any-accept", null, null, "text/html");
    assertThat(anyAccept.status).isEqualTo(200);
    assertThat(anyAccept.header("Content-Type")).isEqualTo("application/json");
    assertThat(anyAccept.json().getString("type")).isEqualTo("application/json");

    Answer streamed = call(HttpMethod.POST, "/streamed", null, null);
    assertThat(streamed.status).isEqualTo(202);
    assertThat(streamed.body).isEqualTo("by the route");
  }

  private Answer call(HttpMethod method, String path, String contentType, String body) throws Exception {
    return call(method, path, contentType, body, null);
  }

  private Answer call(HttpMethod method, String path, String contentType, String body, String accept)
      throws Exception {
    // The JDK's client, from the test thread: the server under test owns the only event loop in play.
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofMinutes(1))
        .method(method.name(), body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
    return new Answer(response.statusCode(),
        Map.of("Content-Type", response.headers().firstValue("Content-Type").orElse("null"),
            "Location", response.headers().firstValue("Location").orElse("null")), response.body());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      String value = headers.get(name);
      return "null".equals(value) ? null : value;
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }
}
