package io.tributary.server;

import static io.tributary.server.SchemaFormatsTestData.body;
import static io.tributary.server.SchemaFormatsTestData.framingOf;
import static io.tributary.server.SchemaFormatsTestData.prefixHex;
import static io.tributary.server.SchemaFormatsTestData.receipts;
import static io.tributary.server.SchemaFormatsTestData.record;
import static io.tributary.server.SchemaFormatsTestData.v2Produce;
import static io.tributary.server.SchemaFormatsTestData.written;
import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protobuf as Confluent's JavaScript and Python serializers speak it to the embedded registry: schemas registered
 * and looked up as the base64 of a {@code FileDescriptorProto}, read back with {@code format=serialized}, and
 * records the proxy writes decoded with the descriptor the registry serves.
 */
class SchemaRegistryProtobufE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** The .proto text the descriptor below was compiled from, laid out differently. */
  private static final String ORDER_TEXT = "syntax = \"proto3\"; package shop;\n"
      + "message Order { string item = 1; int32 count = 2; bool paid = 3; Line line = 4;\n"
      + "  message Line { string sku = 1; } }\n";

  private static Http http;
  private static Http registry;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
    registry = SchemaRegistryTestData.registry(TestServer.shared());
  }

  /** The descriptor protoc writes for {@link #ORDER_TEXT}: fully qualified type names and JSON names. */
  private static FileDescriptorProto orderDescriptor() {
    return orderDescriptor("shop");
  }

  private static FileDescriptorProto orderDescriptor(String pkg) {
    return FileDescriptorProto.newBuilder().setName(pkg + "/order.proto").setPackage(pkg).setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder().setName("Order")
            .addField(field("item", 1, Type.TYPE_STRING))
            .addField(field("count", 2, Type.TYPE_INT32))
            .addField(field("paid", 3, Type.TYPE_BOOL))
            .addField(field("line", 4, Type.TYPE_MESSAGE).setTypeName("." + pkg + ".Order.Line"))
            .addNestedType(DescriptorProto.newBuilder().setName("Line").addField(field("sku", 1, Type.TYPE_STRING))))
        .build();
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(Label.LABEL_OPTIONAL)
        .setType(type).setJsonName(name);
  }

  /** Byte for byte the body Confluent's JS and Python Protobuf serializers post to register or look up. */
  private static String descriptorBody(FileDescriptorProto file) {
    return "{\"schemaType\":\"PROTOBUF\",\"schema\":\"" + Base64.getEncoder().encodeToString(file.toByteArray())
        + "\"}";
  }

  private static String textBody(String text) {
    return new JsonObject().put("schemaType", "PROTOBUF").put("schema", text).encode();
  }

  private static Http.Reply register(String subject, String body) {
    return registry.post("/subjects/" + subject + "/versions?normalize=false").contentType(SR).body(body).send();
  }

  private static Http.Reply lookup(String subject, String body, String query) {
    return registry.post("/subjects/" + subject + query).contentType(SR).body(body).send();
  }

  private static FileDescriptorProto parseServed(String schema) throws Exception {
    return FileDescriptorProto.parseFrom(Base64.getDecoder().decode(schema));
  }

  @Test
  void aDescriptorRegistersLooksUpAndIsServedSerializedOrAsText() throws Exception {
    String subject = TestKafka.uniqueTopic("proto-desc") + "-value";
    String descriptor = descriptorBody(orderDescriptor());

    Http.Reply registered = register(subject, descriptor);
    assertThat(registered.status()).as("%s", registered).isEqualTo(200);
    int id = registered.json().getInteger("id");

    // The same schema as .proto text is the same schema: same id, no new version.
    Http.Reply asText = register(subject, textBody(ORDER_TEXT));
    assertThat(asText.json().getInteger("id")).as("%s", asText).isEqualTo(id);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1);

    // The serializers' lookup (auto-register off) with the descriptor.
    Http.Reply found = lookup(subject, descriptor, "?normalize=false&deleted=false");
    assertThat(found.status()).as("%s", found).isEqualTo(200);
    assertThat(found.json().getInteger("id")).isEqualTo(id);
    assertThat(found.json().getInteger("version")).isEqualTo(1);
    assertThat(found.json().getString("schema")).contains("message Order");

    // A compatibility check takes the descriptor as well.
    Http.Reply check = registry.post("/compatibility/subjects/" + subject + "/versions/latest").contentType(SR)
        .body(descriptor).send();
    assertThat(check.status()).as("%s", check).isEqualTo(200);
    assertThat(check.json().getBoolean("is_compatible")).isTrue();

    // By default every read answers with the text form.
    JsonObject latest = registry.get("/subjects/" + subject + "/versions/latest").send().json();
    assertThat(latest.getString("schemaType")).isEqualTo("PROTOBUF");
    assertThat(latest.getString("schema")).contains("package shop;").contains("message Line");
    assertThat(registry.get("/schemas/ids/" + id).send().json().getString("schema"))
        .isEqualTo(latest.getString("schema"));

    // What Confluent's deserializers ask for: the descriptor, as base64.
    Http.Reply serialized = registry.get("/schemas/ids/" + id + "?subject=" + subject + "&format=serialized").send();
    assertThat(serialized.status()).as("%s", serialized).isEqualTo(200);
    assertThat(serialized.json().getString("schemaType")).isEqualTo("PROTOBUF");
    FileDescriptorProto served = parseServed(serialized.json().getString("schema"));
    assertThat(served.getPackage()).isEqualTo("shop");
    assertThat(served.getMessageType(0).getName()).isEqualTo("Order");
    assertThat(served.getMessageType(0).getField(3).getTypeName()).isEqualTo(".shop.Order.Line");
    assertThat(served.getMessageType(0).getField(3).getType()).isEqualTo(Type.TYPE_MESSAGE);

    // Every endpoint that returns a schema takes the format; the others agree with /schemas/ids/{id}.
    String base64 = serialized.json().getString("schema");
    assertThat(registry.get("/schemas/ids/" + id + "/schema?format=serialized").send().text()).isEqualTo(base64);
    assertThat(registry.get("/subjects/" + subject + "/versions/1?format=serialized").send().json()
        .getString("schema")).isEqualTo(base64);
    assertThat(registry.get("/subjects/" + subject + "/versions/latest?format=serialized").send().json()
        .getString("schema")).isEqualTo(base64);
    assertThat(registry.get("/subjects/" + subject + "/versions/1/schema?format=serialized").send().text())
        .isEqualTo(base64);
    assertThat(lookup(subject, descriptor, "?format=serialized").json().getString("schema")).isEqualTo(base64);
    // resolved (no references) and unknown formats give the text, as Confluent's registry does.
    assertThat(registry.get("/schemas/ids/" + id + "?format=resolved").send().json().getString("schema"))
        .isEqualTo(latest.getString("schema"));
    assertThat(registry.get("/schemas/ids/" + id + "?format=nonsense").send().json().getString("schema"))
        .isEqualTo(latest.getString("schema"));
  }

  @Test
  void aDescriptorFindsTheSchemaRegisteredAsTextThatSpellsItsNamesDifferently() {
    // A package of its own: ids are shared by all subjects, and the other tests register the schema in shop.
    String subject = TestKafka.uniqueTopic("proto-text-first") + "-value";
    String qualified = ORDER_TEXT.replace("package shop", "package depot")
        .replace("Line line = 4", ".depot.Order.Line line = 4");
    String descriptor = descriptorBody(orderDescriptor("depot"));
    int id = register(subject, textBody(qualified)).json().getInteger("id");

    Http.Reply found = lookup(subject, descriptor, "");
    assertThat(found.status()).as("%s", found).isEqualTo(200);
    assertThat(found.json().getInteger("id")).isEqualTo(id);
    Http.Reply again = register(subject, descriptor);
    assertThat(again.json().getInteger("id")).as("%s", again).isEqualTo(id);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1);
    // The text keeps the form it was registered in.
    assertThat(registry.get("/schemas/ids/" + id).send().json().getString("schema")).contains(".depot.Order.Line");

    // Another subject reuses the id for the descriptor too: ids name schemas.
    String other = TestKafka.uniqueTopic("proto-other") + "-value";
    assertThat(register(other, descriptor).json().getInteger("id")).isEqualTo(id);
  }

  @Test
  void aMalformedOrTruncatedDescriptorIs42201AndNothingIsStored() {
    String subject = TestKafka.uniqueTopic("proto-bad") + "-value";
    byte[] bytes = orderDescriptor().toByteArray();
    String truncated = "{\"schemaType\":\"PROTOBUF\",\"schema\":\""
        + Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length - 5)) + "\"}";

    Http.Reply refused = register(subject, truncated);
    assertError(refused, 422, 42201);
    assertThat(refused.json().getString("message")).contains("FileDescriptorProto");
    assertError(register(subject, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"Cg9iYWQ\"}"), 422, 42201);
    assertError(lookup(subject, truncated, ""), 422, 42201);
    assertError(registry.get("/subjects/" + subject + "/versions").send(), 404, 40401);
  }

  @Test
  void avroHasNoSerializedFormAndAnswersWithItsText() {
    String subject = TestKafka.uniqueTopic("avro-format") + "-value";
    String avro = SchemaRegistryTestData.avroRecord("F");
    int id = register(subject, SchemaRegistryTestData.body(avro)).json().getInteger("id");
    String text = registry.get("/schemas/ids/" + id).send().json().getString("schema");
    assertThat(registry.get("/schemas/ids/" + id + "?format=serialized").send().json().getString("schema"))
        .isEqualTo(text);
    assertThat(registry.get("/subjects/" + subject + "/versions/1/schema?format=serialized").send().text())
        .isEqualTo(text);
  }

  @Test
  void v2AndV3ProduceWithADescriptorRegisteredSchemaWriteRecordsThatDecodeWithTheServedDescriptor() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("proto-desc-v2"), 1);
    int id = register(topic + "-value", descriptorBody(orderDescriptor())).json().getInteger("id");
    JsonObject tea = new JsonObject().put("item", "tea").put("count", 2).put("paid", true)
        .put("line", new JsonObject().put("sku", "t-1"));

    JsonObject reply = written(v2Produce(http, topic, "protobuf", body(List.of(record(null, tea)),
        "value_schema_id", id)));
    assertThat(reply.getInteger("value_schema_id")).isEqualTo(id);

    ConsumerRecord<byte[], byte[]> stored = TestKafka.readAll(topic, 1, READ_TIMEOUT).get(0);
    byte[] value = stored.value();
    assertThat(prefixHex(value)).isEqualTo(framingOf(id));
    assertThat(value[5]).as("message index [0] as the single byte 00").isZero();

    // Decode as Confluent's deserializer does: the descriptor served for the id, the message the index names.
    String served = registry.get("/schemas/ids/" + id + "?subject=" + topic + "-value&format=serialized").send()
        .json().getString("schema");
    FileDescriptor file = FileDescriptor.buildFrom(parseServed(served), new FileDescriptor[0]);
    Descriptor order = file.getMessageTypes().get(0);
    DynamicMessage message = DynamicMessage.parseFrom(order, Arrays.copyOfRange(value, 6, value.length));
    assertThat(message.getField(order.findFieldByName("item"))).isEqualTo("tea");
    assertThat(message.getField(order.findFieldByName("count"))).isEqualTo(2);
    assertThat(message.getField(order.findFieldByName("paid"))).isEqualTo(true);
    DynamicMessage line = (DynamicMessage) message.getField(order.findFieldByName("line"));
    assertThat(line.getField(line.getDescriptorForType().findFieldByName("sku"))).isEqualTo("t-1");

    // A produce request may give the schema as a descriptor too: it is the registered schema.
    String base64 = Base64.getEncoder().encodeToString(orderDescriptor().toByteArray());
    assertThat(written(v2Produce(http, topic, "protobuf", body(List.of(record(null, tea)), "value_schema", base64)))
        .getInteger("value_schema_id")).isEqualTo(id);

    // v3 without a schema writes with the subject's latest version: the descriptor-registered schema.
    JsonObject cake = new JsonObject().put("item", "cake").put("count", 1).put("paid", false)
        .put("line", new JsonObject().put("sku", "c-1"));
    List<JsonObject> receipts = receipts(http.post("/v3/clusters/any/topics/" + topic + "/records")
        .contentType("application/json").body(new JsonObject().put("value", new JsonObject().put("data", cake))
            .encode() + "\n").send());
    assertThat(receipts.get(0).getInteger("error_code")).as("%s", receipts).isEqualTo(200);
    assertThat(receipts.get(0).getJsonObject("value").getInteger("schema_id")).isEqualTo(id);
    byte[] v3Value = TestKafka.readAll(topic, 3, READ_TIMEOUT).get(2).value();
    DynamicMessage v3Message = DynamicMessage.parseFrom(order, Arrays.copyOfRange(v3Value, 6, v3Value.length));
    assertThat(v3Message.getField(order.findFieldByName("item"))).isEqualTo("cake");

    // And the proxy's own consumers read them all back by the same id.
    V2ConsumerClient v2 = new V2ConsumerClient(http);
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick("protobuf"));
    v2.subscribe(group, name, topic);
    assertThat(v2.readUntil(group, name, "application/vnd.kafka.protobuf.v2+json", "", 3))
        .extracting(r -> r.getJsonObject("value")).containsExactly(tea, tea, cake);
    v2.delete(group, name);
  }
}
