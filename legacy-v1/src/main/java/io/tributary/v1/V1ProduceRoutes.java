package io.tributary.v1;

import io.tributary.core.auth.Operation;
import io.tributary.core.bus.Addresses;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.formats.EmbeddedCodec;
import io.tributary.http.JsonBodies;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.error.FailureHandler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * v1 produce: {@code POST /topics/{topic}} and {@code POST /topics/{topic}/partitions/{partition}}. The Content-Type
 * selects the embedded format (binary or json); requests in other media types are left to later routes on the same
 * paths. The whole body is validated before the produce engine sees it, and topics are created on first use, as a
 * broker with {@code auto.create.topics.enable} would.
 */
final class V1ProduceRoutes {
  private static final String AVRO_NOT_YET =
      "The avro embedded format is not supported yet (it arrives with the schema-registry formats)";

  private final RouteContext deps;

  V1ProduceRoutes(RouteContext deps) {
    this.deps = deps;
  }

  void mount(Router router) {
    router.post("/topics/:topic").handler(ctx -> produce(ctx, false));
    router.post("/topics/:topic/partitions/:partition").handler(ctx -> produce(ctx, true));
  }

  private void produce(RoutingContext ctx, boolean toPartition) {
    Optional<EmbeddedFormat> format = V1ProduceMedia.requestFormat(ctx.request().getHeader("Content-Type"));
    if (format.isEmpty()) {
      decline(ctx, 415);
      return;
    }
    Optional<String> responseType = V1ProduceMedia.responseType(ctx.request().getHeader("Accept"));
    if (responseType.isEmpty()) {
      decline(ctx, 406);
      return;
    }
    ConfluentErrorRenderer.V1.use(ctx);
    String topic = ctx.pathParam("topic");
    Integer partition;
    ProduceRequest request;
    try {
      EmbeddedCodec codec = EmbeddedCodec.builtIn(format.get())
          .orElseThrow(() -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.toException(AVRO_NOT_YET));
      Access.require(ctx, Operation.PRODUCE, topic);
      partition = toPartition ? pathPartition(ctx) : null;
      List<OutgoingRecord> records = partition == null
          ? V1ProduceRequestParser.forTopic(JsonBodies.object(ctx), codec)
          : V1ProduceRequestParser.forPartition(JsonBodies.object(ctx), codec, partition);
      request = new ProduceRequest(topic, records, true);
    } catch (TributaryException e) {
      ctx.fail(e);
      return;
    }
    deps.bus().<ProduceResult>request(Addresses.PRODUCE_SEND, request)
        .onSuccess(result -> Responses.json(ctx, V1ProduceResponse.status(result), responseType.get(),
            V1ProduceResponse.body(result, partition)))
        .onFailure(ctx::fail);
  }

  /** Not this route's media types: record why, and let a later route (v2, on the same paths) have a go. */
  private static void decline(RoutingContext ctx, int status) {
    ctx.put(FailureHandler.MEDIA_MISMATCH_KEY, status);
    ctx.next();
  }

  private static int pathPartition(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("partition"));
    } catch (NumberFormatException e) {
      // JAX-RS answered a path parameter that does not convert with a plain 404.
      throw ErrorCode.NOT_FOUND.toException();
    }
  }
}
