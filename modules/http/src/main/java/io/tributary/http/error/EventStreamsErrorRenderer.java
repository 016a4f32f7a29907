package io.tributary.http.error;

import io.tributary.core.error.TributaryException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * IBM Event Streams' error body: {@code {"error_code":<status>,"message":…,"error":{"error_code":<status>,
 * "message":…,"kafka_error_code":…,"topic":…}}}, always {@code application/json}. Event Streams puts the HTTP status
 * in {@code error_code}, not kafka-rest's five-digit codes. The top-level pair makes the body readable by clients
 * that expect kafka-rest's shape as well, which is why it is also used for the server-wide 414.
 */
public final class EventStreamsErrorRenderer implements ErrorRenderer {
  public static final EventStreamsErrorRenderer INSTANCE = new EventStreamsErrorRenderer();

  private static final String KAFKA_CODE_KEY = "tributary.es.kafkaErrorCode";
  private static final String TOPIC_KEY = "tributary.es.topic";

  private EventStreamsErrorRenderer() {}

  /** Names the topic the request is about, for {@code error.topic}. */
  public static void topic(RoutingContext ctx, String topic) {
    ctx.put(TOPIC_KEY, topic);
  }

  /** The Kafka protocol error code behind the failure, for {@code error.kafka_error_code}. */
  public static void kafkaErrorCode(RoutingContext ctx, int code) {
    ctx.put(KAFKA_CODE_KEY, code);
  }

  @Override
  public void render(RoutingContext ctx, TributaryException error) {
    write(ctx.response(), error, ctx.get(KAFKA_CODE_KEY), ctx.get(TOPIC_KEY));
  }

  /** The same body for a request that never reached the router (a request line over the server's limit). */
  public static Future<Void> renderRaw(HttpServerResponse response, TributaryException error) {
    return write(response, error, null, null);
  }

  private static Future<Void> write(HttpServerResponse response, TributaryException error, Integer kafkaCode, String topic) {
    int status = error.status();
    JsonObject detail = new JsonObject().put("error_code", status).put("message", error.getMessage());
    if (kafkaCode != null) {
      detail.put("kafka_error_code", kafkaCode);
    }
    if (topic != null) {
      detail.put("topic", topic);
    }
    JsonObject body = new JsonObject().put("error_code", status).put("message", error.getMessage())
        .put("error", detail);
    return response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
