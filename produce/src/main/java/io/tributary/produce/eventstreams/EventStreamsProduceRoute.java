package io.tributary.produce.eventstreams;

import io.tributary.core.bus.BusFailures;
import io.tributary.core.bus.ProduceOps;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.http.Bus;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.tributary.http.route.Call;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /topics/{topic}/records}. Checks, in order: credential (401) and rate (429), permission to produce
 * and a topic that is not internal (403), Content-Type (415), the query and body (400, 411), then the engine
 * produces with {@code autoCreate=false} (404 for a missing topic: Event Streams never creates topics). The answer is
 * always {@code application/json}.
 */
final class EventStreamsProduceRoute {
  private final Bus bus;
  private final EventStreamsRecordParser parser;
  private final InternalTopics internal;

  EventStreamsProduceRoute(RouteContext deps) {
    this.bus = deps.bus();
    this.internal = InternalTopics.from(deps.config());
    this.parser = new EventStreamsRecordParser(EventStreamsLimits.from(deps.config()));
  }

  /**
   * Producing to the path's topic, which must not be internal. The topic is named for the error body first, so
   * that every error from here on, a refusal included, carries {@code error.topic}.
   */
  Permission permission() {
    return ctx -> {
      String topic = ctx.pathParam("topic");
      EventStreamsErrorRenderer.topic(ctx, topic);
      Access.requireProduce(ctx, internal, topic);
    };
  }

  /**
   * The Content-Type is checked here rather than declared: Event Streams answers a type it does not take with its
   * own 415 message after the permission check, and no other route could take the request instead.
   */
  Future<Reply<JsonObject>> produce(Call<Void, String> call) {
    RoutingContext ctx = call.ctx();
    String topic = call.path("topic");
    EventStreamsContentTypes.Kind kind = EventStreamsContentTypes.of(ctx.request().getHeader("Content-Type"));
    OutgoingRecord record = parser.parse(ctx.queryParams(), ctx.body().buffer(), kind);
    ProduceRequest request = new ProduceRequest(topic, List.of(record), false,
        new ProduceOrigin(ProduceGeneration.EVENTSTREAMS,
            kind == EventStreamsContentTypes.Kind.JSON ? ProduceFormat.JSON : ProduceFormat.RAW));
    return bus.request(ProduceOps.SEND, request)
        .recover(e -> failed(ctx, EventStreamsFailures.ofRequest(BusFailures.asTributary(e), topic)))
        .compose(result -> {
          RecordReceipt receipt = result.receipts().get(0);
          if (!receipt.succeeded()) {
            return failed(ctx, EventStreamsFailures.ofReceipt(receipt));
          }
          return Future.succeededFuture(Reply.ok(new JsonObject().put("metadata", new JsonObject()
              .put("topic", topic)
              .put("timestamp", String.valueOf(receipt.timestamp()))
              .put("partition", receipt.partition())
              .put("offset", receipt.offset()))));
        });
  }

  /** The mapped failure, with the Kafka error code behind it recorded for {@code error.kafka_error_code}. */
  private static <T> Future<T> failed(RoutingContext ctx, EventStreamsFailures.Mapped failure) {
    if (failure.kafkaErrorCode() != null) {
      EventStreamsErrorRenderer.kafkaErrorCode(ctx, failure.kafkaErrorCode());
    }
    return Future.failedFuture(failure.error());
  }
}
