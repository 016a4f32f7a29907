package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.bus.FormatOps;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.tributary.core.format.EncodedValue;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.testkit.TestKafka;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The format converters on the assembled server's event bus, with the embedded registry behind them: JSON to the
 * Confluent wire format and back for Avro, JSON Schema and Protobuf, every way of naming a schema, and the error
 * codes the routes will relay.
 */
class FormatConvertersE2ETest {
  private static final String AVRO_R = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":"
      + "\"string\"},{\"name\":\"n\",\"type\":[\"null\",\"int\"]}]}";
  private static final String JSON_SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}";
  private static final String PROTO = "syntax = \"proto3\";\npackage t;\n"
      + "message First { string name = 1; int32 n = 2; }\nmessage Second { bool b = 1; }\n";

  private static EventBus bus;

  @BeforeAll
  static void server() {
    bus = TestServer.shared().server().vertx().eventBus();
  }

  @Test
  void avroRoundTripsThroughTheConfluentBytesOfTheReference() throws Exception {
    String topic = TestKafka.uniqueTopic("avro");
    JsonObject value = new JsonObject().put("f", "hi").put("n", new JsonObject().put("int", 1));

    EncodeResult encoded = encode(topic, RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofSchema(AVRO_R), value);

    assertThat(encoded.format()).isEqualTo(EmbeddedFormat.AVRO);
    assertThat(encoded.subject()).isEqualTo(topic + "-value");
    assertThat(encoded.schemaVersion()).isEqualTo(1);
    byte[] bytes = encoded.values().get(0);
    assertThat(hex(bytes)).isEqualTo("00" + idHex(encoded.schemaId()) + "046869" + "0202");
    DecodeResult decoded = decode(EmbeddedFormat.AVRO, bytes);
    assertThat(decoded.values().get(0).json()).isEqualTo(value);
    assertThat(decoded.values().get(0).schemaId()).isEqualTo(encoded.schemaId());

    // The same schema named every other way gives the same bytes.
    assertThat(encode(topic, RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofId(encoded.schemaId()), value)
        .values().get(0)).isEqualTo(bytes);
    assertThat(encode(topic, RecordPart.VALUE, null, SchemaSpec.latest(), value).values().get(0)).isEqualTo(bytes);
    EncodeResult byVersion = encode(topic, RecordPart.VALUE, null, new SchemaSpec(null, null, null, null, 1), value);
    assertThat(byVersion.values().get(0)).isEqualTo(bytes);
    assertThat(byVersion.format()).isEqualTo(EmbeddedFormat.AVRO);
    EncodeResult bySubject = encode("elsewhere", RecordPart.VALUE, null,
        new SchemaSpec(topic + "-value", null, null, null, null), value);
    assertThat(bySubject.values().get(0)).isEqualTo(bytes);
  }

  @Test
  void jsonSchemaAndKeysUseTheirOwnSubject() throws Exception {
    String topic = TestKafka.uniqueTopic("json");
    JsonObject value = new JsonObject().put("a", 5);

    EncodeResult encoded = encode(topic, RecordPart.KEY, EmbeddedFormat.JSONSCHEMA,
        SchemaSpec.ofSchema(JSON_SCHEMA), value);

    assertThat(encoded.subject()).isEqualTo(topic + "-key");
    assertThat(hex(encoded.values().get(0))).isEqualTo("00" + idHex(encoded.schemaId()) + "7b2261223a357d");
    assertThat(decode(EmbeddedFormat.JSONSCHEMA, encoded.values().get(0)).values().get(0).json()).isEqualTo(value);
    assertFailure(() -> encode(topic, RecordPart.KEY, EmbeddedFormat.JSONSCHEMA, SchemaSpec.ofSchema(JSON_SCHEMA),
        new JsonObject().put("a", "five")), 42203);
  }

  @Test
  void protobufWritesTheFirstMessageWithItsMessageIndex() throws Exception {
    String topic = TestKafka.uniqueTopic("proto");
    JsonObject value = new JsonObject().put("name", "x").put("n", 7);

    EncodeResult encoded = encode(topic, RecordPart.VALUE, EmbeddedFormat.PROTOBUF, SchemaSpec.ofSchema(PROTO),
        value, value);

    assertThat(encoded.values()).hasSize(2);
    byte[] bytes = encoded.values().get(0);
    assertThat(hex(Arrays.copyOfRange(bytes, 0, 6))).isEqualTo("00" + idHex(encoded.schemaId()) + "00");
    List<DecodeResult.DecodedValue> decoded = decode(EmbeddedFormat.PROTOBUF, bytes, null).values();
    assertThat(decoded.get(0).json()).isEqualTo(value);
    assertThat(decoded.get(1).json()).as("a null value decodes to null").isNull();
    assertThat(decoded.get(1).schemaId()).isNull();
  }

  @Test
  void badDataBadSchemasAndUnknownSchemasGetTheirCodes() throws Exception {
    String topic = TestKafka.uniqueTopic("bad");
    assertFailure(() -> encode(topic, RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofSchema(AVRO_R),
        new JsonObject().put("f", "hi").put("n", 1)), 42203);
    assertFailure(() -> encode(topic, RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofSchema("{\"type\":"),
        "x"), 42205);
    assertFailure(() -> encode(topic, RecordPart.VALUE, EmbeddedFormat.AVRO, SchemaSpec.ofId(987_654_321), "x"),
        42207);
    String empty = TestKafka.uniqueTopic("no-schemas");
    assertFailure(() -> encode(empty, RecordPart.VALUE, null, SchemaSpec.latest(), "x"), 42207);
    assertFailure(() -> encode(empty, RecordPart.VALUE, null, new SchemaSpec(null, null, null, null, 3), "x"), 400);
    assertFailure(() -> encode(empty, RecordPart.VALUE, null,
        new SchemaSpec(null, "RECORD_NAME", null, null, null), "x"), 400);

    EncodeResult json = encode(topic, RecordPart.KEY, EmbeddedFormat.JSONSCHEMA, SchemaSpec.ofSchema(JSON_SCHEMA),
        new JsonObject().put("a", 1));
    // A JSON Schema id used as Avro, on produce and on consume.
    assertFailure(() -> encode(topic, RecordPart.KEY, EmbeddedFormat.AVRO, SchemaSpec.ofId(json.schemaId()), "x"),
        42205);
    assertFailure(() -> decode(EmbeddedFormat.AVRO, json.values().get(0)), 50002);
    assertFailure(() -> decode(EmbeddedFormat.AVRO, "not framed".getBytes()), 50002);
    byte[] unknownId = ByteBuffer.allocate(6).put((byte) 0).putInt(987_654_321).put((byte) 2).array();
    assertFailure(() -> decode(EmbeddedFormat.AVRO, unknownId), 50002);
  }

  @Test
  void anUnreachableRegistryIsA503WithinTheClientTimeouts() throws Exception {
    String dead = "http://127.0.0.1:" + closedPort();
    try (TestServer server = TestServer.start(Map.of("schema.registry.url", dead))) {
      EventBus remoteBus = server.server().vertx().eventBus();
      assertThatThrownBy(() -> ask(remoteBus, FormatOps.ENCODE, new EncodeRequest("t", RecordPart.VALUE,
          EmbeddedFormat.AVRO, SchemaSpec.ofSchema(AVRO_R), List.of(new JsonObject()))))
          .isInstanceOfSatisfying(ReplyException.class, e -> {
            assertThat(e.failureCode()).isEqualTo(50303);
            assertThat(e.getMessage()).contains("Schema registry unavailable");
          });
    }
  }

  // ---- helpers

  private static EncodeResult encode(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec spec,
      Object... values) throws Exception {
    return ask(bus, FormatOps.ENCODE, new EncodeRequest(topic, part, format, spec, Arrays.asList(values)));
  }

  private static DecodeResult decode(EmbeddedFormat format, byte[]... values) throws Exception {
    return ask(bus, FormatOps.DECODE, new DecodeRequest(RecordPart.VALUE, format,
        Arrays.stream(values).map(EncodedValue::of).toList()));
  }

  /** Asks over the raw bus so that a failure shows as the ReplyException that crossed it. */
  private static <Q extends BusMessage, R extends BusMessage> R ask(EventBus eventBus, BusOperation<Q, R> operation,
      Q message) throws Exception {
    try {
      return operation.replyType().cast(eventBus.request(operation.address(), message).toCompletionStage()
          .toCompletableFuture().get(60, TimeUnit.SECONDS).body());
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private interface Call {
    void run() throws Exception;
  }

  private static void assertFailure(Call call, int code) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ReplyException.class,
        e -> assertThat(e.failureCode()).as(e.getMessage()).isEqualTo(code));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static String idHex(int id) {
    return HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(id).array());
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
