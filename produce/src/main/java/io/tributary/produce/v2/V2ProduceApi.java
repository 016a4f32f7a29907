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
import io.tributary.core.produce.ProduceResult;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.FormatConverter;
import io.tributary.formats.ProduceRecordsReader;
import io.tributary.formats.ProduceRecordsReader.PreparedRecords;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.tributary.http.ApiModule;
import io.tributary.http.Bus;
import io.tributary.http.JsonBodies;
import io.tributary.http.PathParams;
import io.tributary.http.ProduceOffsets;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.media.RouteMedia;
import io.tributary.http.media.V2MediaTypes;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

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
    router.post("/topics/:topic").handler(ctx -> produce(ctx, bus, converter, internal, false));
    router.post("/topics/:topic/partitions/:partition").handler(ctx -> produce(ctx, bus, converter, internal, true));
  }

  private static void produce(RoutingContext ctx, Bus bus, FormatConverter converter, InternalTopics internal,
      boolean toPartition) {
    Optional<EmbeddedFormat> format = V2ProduceMedia.requestFormat(ctx.request().getHeader("Content-Type"));
    if (format.isEmpty()) {
      RouteMedia.decline(ctx, 415);
      return;
    }
    Optional<String> responseType = V2MediaTypes.negotiate(ctx, V2MediaTypes.PLAIN_RESPONSES);
    if (responseType.isEmpty()) {
      return;
    }
    String topic = ctx.pathParam("topic");
    Integer partition;
    try {
      Access.requireProduce(ctx, internal, topic);
      partition = toPartition ? PathParams.partition(ctx) : null;
    } catch (TributaryException e) {
      ctx.fail(e);
      return;
    }
    RECORDS.prepare(ctx.body().buffer(), () -> JsonBodies.object(ctx), topic, format.get(), partition, converter,
        Access.principal(ctx)).compose(prepared -> bus
        .request(ProduceOps.SEND, new ProduceRequest(topic, prepared.records(), true,
            new ProduceOrigin(ProduceGeneration.V2, ProduceFormat.of(format.get()))))
        .onSuccess(result -> respond(ctx, responseType.get(), result, prepared)))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, String type, ProduceResult result, PreparedRecords prepared) {
    Responses.rendered(ctx, ProduceOffsets.status(result), type,
        ProduceOffsets.render(result, null, prepared.keySchemaId(), prepared.valueSchemaId()));
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
