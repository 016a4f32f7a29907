package io.tributary.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.tributary.core.format.JsonText;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.ProduceRecordsReader.PreparedRecords;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reading of a produce body answers exactly as the tree reading: same records, same bytes, same
 * requests to the converters, same refusal (code and message), for plain bodies and for every kind of bad one.
 */
class StreamingProduceBodyTest {
  private static final ProduceRecordsReader V1 = new ProduceRecordsReader(
      RecordPartition.REFUSED_ON_PARTITION_PATH,
      (e, data) -> ErrorCode.UNPROCESSABLE_ENTITY.toException(e.getMessage()));
  private static final ProduceRecordsReader V2 = new ProduceRecordsReader(RecordPartition.OVERRIDES_PATH,
      (e, data) -> ErrorCode.BAD_REQUEST.toException(e.part().label() + " data=" + Json.encode(data)),
      failure -> ErrorCode.BAD_REQUEST.toException("Bad Request: " + failure.getMessage()));

  static Stream<Arguments> bodies() {
    List<String> bodies = List.of(
        "{\"records\":[{\"key\":\"a2V5\",\"value\":\"Y29uZmx1ZW50\",\"partition\":1},{\"value\":\"bG9ncw==\"}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"key\":null,\"partition\":null}],\"value_schema_id\":7}",
        "{\"value_schema\":\"{\\\"type\\\":\\\"string\\\"}\",\"records\":[{\"value\":\"YQ==\"}],"
            + "\"key_schema_id\":\"3\"}",
        "{\"records\":[{\"value\":{\"a\":[1,2.5,-0.0,1e300,12345678901,123456789012345678901234567890,true,null],"
            + "\"b\":\"\\u00e9\\n\\\"x\\\"\\u2028\",\"c\":{}}}],\"value_schema_id\":1}",
        "{\"records\":[{\"value\":\"caf\u00e9 \\ud83d\\ude00\",\"key\":42},{\"value\":[]},{\"value\":1.0E-7}]}",
        "  {\"records\":[{\"value\":\"YQ==\"}]}  \n",
        // Every one of these is refused somewhere; the refusals must not change.
        "", "   ", "null", "[]", "{", "{\"records\":[{\"value\":\"YQ==\"}]} x",
        "{\"records\":[{\"value\":\"YQ==\"}]}{}",
        "{\"records\":[]}", "{\"records\":null}", "{\"records\":{}}", "{}", "{\"records\":[1]}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"vlaue\":1}", "{\"records\":[{\"vlaue\":\"YQ==\"}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"partition\":-1}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"partition\":1.5}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"partition\":\"1\"}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"partition\":3000000000}]}",
        "{\"records\":[{\"value\":\"not base64!\"}]}", "{\"records\":[{\"key\":12,\"value\":\"YQ==\"}]}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"records\":[{\"value\":\"Yg==\"}]}",
        "{\"records\":[{\"value\":\"YQ==\",\"value\":\"Yg==\"}]}",
        "{\"records\":[{\"value\":{\"a\":1,\"a\":2,\"b\":3}}],\"value_schema_id\":1}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"value_schema_id\":1.5}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"value_schema_id\":true,\"key_schema\":{}}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"value_schema\":5}",
        "{\"records\":[{\"value\":\"YQ==\"}],\"value_schema_id\":99999999999}",
        "{\"records\":[{\"key\":\"YQ==\"}]}", "{\"records\":[{\"value\":NaN}]}",
        "{\"records\":[{\"value\":\"YQ==\"},]}", "{\"records\":[{\"value\":'YQ=='}]}");
    List<Arguments> out = new ArrayList<>();
    for (String body : bodies) {
      for (EmbeddedFormat format : List.of(EmbeddedFormat.BINARY, EmbeddedFormat.JSON, EmbeddedFormat.AVRO)) {
        for (Integer partition : Arrays.asList(null, 2)) {
          out.add(Arguments.of(body, format, partition, "v1"));
          out.add(Arguments.of(body, format, partition, "v2"));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{3} {1} partition={2}: {0}")
  @MethodSource("bodies")
  void answersAsTheTreeReadingDoes(String body, EmbeddedFormat format, Integer partition, String generation) {
    ProduceRecordsReader reader = generation.equals("v1") ? V1 : V2;
    RecordingConverter streamed = new RecordingConverter();
    RecordingConverter tree = new RecordingConverter();

    String viaStream = outcome(reader.prepare(Buffer.buffer(body), () -> treeOf(body), "t", format, partition,
        streamed, Principal.ANONYMOUS));
    String viaTree = outcome(treeOrFailure(body).compose(json -> reader.prepare(json, "t", format, partition,
        tree, Principal.ANONYMOUS)));

    assertThat(viaStream).isEqualTo(viaTree);
    assertThat(streamed.requests).isEqualTo(tree.requests);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainBodies")
  void aPlainBodyNeverBecomesATree(EmbeddedFormat format) {
    String body = "{\"value_schema_id\":3,\"records\":[{\"value\":\"Y29uZmx1ZW50\","
        + "\"partition\":1},{\"value\":\"bG9ncw==\"}]}";
    Future<PreparedRecords> prepared = V2.prepare(Buffer.buffer(body), () -> {
      throw new AssertionError("the tree reading was asked for a plain body");
    }, "t", format, null, new RecordingConverter(), Principal.ANONYMOUS);

    assertThat(prepared.succeeded()).isTrue();
    assertThat(prepared.result().records()).extracting(OutgoingRecord::partition).containsExactly(1, null);
  }

  static Stream<EmbeddedFormat> plainBodies() {
    return Stream.of(EmbeddedFormat.BINARY, EmbeddedFormat.JSON, EmbeddedFormat.AVRO);
  }

  /** What JsonBodies.object answers (the route's tree reading), without a RoutingContext. */
  private static JsonObject treeOf(String body) {
    if (body.isBlank()) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Request body is empty. Data is required.");
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ErrorCode.BAD_REQUEST.toException("Malformed JSON");
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ErrorCode.BAD_REQUEST.toException("Request body must be a JSON object.");
  }

  private static Future<JsonObject> treeOrFailure(String body) {
    try {
      return Future.succeededFuture(treeOf(body));
    } catch (TributaryException e) {
      return Future.failedFuture(e);
    }
  }

  private static String outcome(Future<PreparedRecords> future) {
    assertThat(future.isComplete()).isTrue();
    if (future.failed()) {
      TributaryException e = (TributaryException) future.cause();
      return "refused " + e.code() + " " + e.getMessage();
    }
    StringBuilder out = new StringBuilder("schemas " + future.result().keySchemaId() + "/"
        + future.result().valueSchemaId());
    for (OutgoingRecord r : future.result().records()) {
      out.append(" | ").append(r.partition()).append(' ').append(text(r.key())).append(' ').append(text(r.value()));
    }
    return out.toString();
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "null" : Arrays.toString(bytes);
  }

  /** Records what the converters were asked and answers with one byte per value. */
  private static final class RecordingConverter implements FormatConverter {
    final List<String> requests = new ArrayList<>();

    @Override
    public Future<EncodeResult> encode(EncodeRequest request) {
      // A value given as its text must be the very value the tree reading gives.
      List<Object> given = request.values().stream().map(v -> v instanceof JsonText text ? text.value() : v)
          .toList();
      requests.add(request.part() + " " + request.format() + " " + request.schema() + " "
          + Json.encode(given) + " " + given.stream()
              .map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList());
      List<byte[]> values = given.stream().map(v -> new byte[] {(byte) Json.encode(v).length()}).toList();
      return Future.succeededFuture(new EncodeResult(request.format(), 5, "t-value", 1, values));
    }

    @Override
    public Future<DecodeResult> decode(DecodeRequest request) {
      throw new UnsupportedOperationException();
    }
  }
}
