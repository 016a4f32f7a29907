package io.tributary.produce.v2;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.FormatConverter;
import io.tributary.formats.ProduceRecordsReader;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.tributary.http.ApiModule;
import io.tributary.http.Bus;
import io.tributary.http.JsonBodies;
import io.tributary.http.PathParams;
import io.tributary.http.ProduceOffsets;
import io.tributary.http.RouteContext;
import io.tributary.http.V2Routes;
import io.tributary.http.media.V2MediaTypes;
import io.tributary.http.route.Call;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * v2 produce (reference §3.3): {@code POST /topics/{topic}} and {@code POST /topics/{topic}/partitions/{partition}}
 * in the binary, json, avro, jsonschema and protobuf embedded formats. Requests in media types v2 does not take are
 * left to the other generation on the same paths. As in v1, the whole body is converted (the schema formats by the
 * format converters) before the produce engine sees it, so a request with one bad record writes nothing, and topics
 * are created on first use when the cluster allows it.
 */
public final class V2ProduceApi implements ApiModule {
  // kafka-rest 6.0+ rules: a record's partition overrides the path's; data the codec refuses fails the whole
  // request with 400 and kafka-rest's "Bad Request: data=… is not a (valid) base64 string." (only the binary codec
  // refuses data on produce); data that does not fit its schema is 400 "Bad Request: …" too.
  private static final ProduceRecordsReader RECORDS = new ProduceRecordsReader(RecordPartition.OVERRIDES_PATH,
      V2ProduceApi::badData, V2ProduceApi::schemaFailure);

  @Override
  public void mount(Router router, RouteContext deps) {
    Bus bus = deps.bus();
    FormatConverter converter = FormatConverter.over(bus::request);
    InternalTopics internal = InternalTopics.from(deps.config());
    declare(router.post("/topics/:topic"), internal).handles(call -> produce(call, bus, converter, null));
    declare(router.post("/topics/:topic/partitions/:partition"), internal)
        .handles(call -> produce(call, bus, converter, PathParams.partition(call.ctx())));
  }

  /** Both produce paths: the body's type picks the format; the answer is the offsets, rendered already. */
  private static Endpoint<EmbeddedFormat, String, Buffer> declare(Route route, InternalTopics internal) {
    return V2Routes.KERNEL.at(route)
        .consumes(V2ProduceMedia.BODY_TYPES)
        .produces(V2MediaTypes.PLAIN_RESPONSES)
        .requires(Permission.produceTo(internal, "topic"))
        .renders(Renderer.bytes());
  }

  private static Future<Reply<Buffer>> produce(Call<EmbeddedFormat, String> call, Bus bus, FormatConverter converter,
      Integer partition) {
    RoutingContext ctx = call.ctx();
    String topic = call.path("topic");
    EmbeddedFormat format = call.bodyType();
    return RECORDS.prepare(ctx.body().buffer(), () -> JsonBodies.object(ctx), topic, format, partition, converter,
        call.principal()).compose(prepared -> bus
        .request(ProduceOps.SEND, new ProduceRequest(topic, prepared.records(), true,
            new ProduceOrigin(ProduceGeneration.V2, ProduceFormat.of(format))))
        .map(result -> Reply.of(ProduceOffsets.status(result),
            ProduceOffsets.render(result, null, prepared.keySchemaId(), prepared.valueSchemaId()))));
  }

  /** kafka-rest 6.0+ answers data that does not fit its schema with 400 "Bad Request: …" (≤5.5: 422 42203). */
  private static TributaryException schemaFailure(TributaryException failure) {
    return failure.code() == ErrorCode.JSON_CONVERSION.code()
        ? ErrorCode.BAD_REQUEST.toException("Bad Request: " + failure.getMessage()) : failure;
  }

  private static TributaryException badData(DataConversionException failure, Object data) {
    String problem = data instanceof String ? "is not a valid base64 string." : "is not a base64 string.";
    return ErrorCode.BAD_REQUEST.toException("Bad Request: data=" + Json.encode(data) + " " + problem);
  }
}
