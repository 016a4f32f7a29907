package io.tributary.server;

import static io.tributary.server.SchemaFormatsTestData.body;
import static io.tributary.server.SchemaFormatsTestData.framingOf;
import static io.tributary.server.SchemaFormatsTestData.prefixHex;
import static io.tributary.server.SchemaFormatsTestData.receipts;
import static io.tributary.server.SchemaFormatsTestData.record;
import static io.tributary.server.SchemaFormatsTestData.v1Produce;
import static io.tributary.server.SchemaFormatsTestData.v2Produce;
import static io.tributary.server.SchemaFormatsTestData.written;
import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema references as Confluent's serializers send them: Avro named types defined in another subject, Protobuf
 * imports of another subject's file (registered as text or as the base64 {@code FileDescriptorProto} the JS and
 * Python serializers send), JSON Schema {@code $ref}s by reference name; {@code referencedby}, the 42206 guard on
 * deletes, and records written and read through every proxy generation with such schemas.
 */
class SchemaRegistryReferencesE2ETest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final String ADDRESS = "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"refs\","
      + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String CUSTOMER = "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"refs\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"home\",\"type\":\"refs.Address\"}]}";
  private static final String MONEY = "syntax = \"proto3\";\npackage money;\n"
      + "message Money { string currency = 1; int64 units = 2; }\n";
  private static final String ORDER = "syntax = \"proto3\";\npackage shopref;\nimport \"money/money.proto\";\n"
      + "import \"google/protobuf/timestamp.proto\";\n"
      + "message Order { string item = 1; money.Money price = 2; google.protobuf.Timestamp at = 3; }\n";

  private static Http http;
  private static Http registry;

  @BeforeAll
  static void server() {
    http = TestServer.shared().http();
    registry = SchemaRegistryTestData.registry(TestServer.shared());
  }

  private static Http.Reply register(String subject, String body) {
    return registry.post("/subjects/" + subject + "/versions").contentType(SR).body(body).send();
  }

  private static String refs(String... nameSubjectVersion) {
    JsonArray array = new JsonArray();
    for (int i = 0; i < nameSubjectVersion.length; i += 3) {
      array.add(new JsonObject().put("name", nameSubjectVersion[i]).put("subject", nameSubjectVersion[i + 1])
          .put("version", Integer.parseInt(nameSubjectVersion[i + 2])));
    }
    return array.encode();
  }

  /** What Confluent's Java Avro serializer posts for a schema with references (no schemaType for Avro). */
  private static String avroBody(String schema, String references) {
    return "{\"schema\":" + Json.encode(schema) + ",\"references\":" + references + "}";
  }

  private static String typedBody(String type, String schema, String references) {
    return new JsonObject().put("schemaType", type).put("schema", schema)
        .put("references", new JsonArray(references)).encode();
  }

  private static int id(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getInteger("id");
  }

  @Test
  void avroReferencesAreStoredReturnedResolvedAndGuardTheReferencedVersion() {
    String addresses = TestKafka.uniqueTopic("ref-address") + "-value";
    String customers = TestKafka.uniqueTopic("ref-customer") + "-value";
    int addressId = id(register(addresses, avroBody(ADDRESS, "[]")));
    String references = refs("refs.Address", addresses, "1");

    int customerId = id(register(customers, avroBody(CUSTOMER, references)));
    assertThat(customerId).isNotEqualTo(addressId);
    // Registering it again is the same version; a lookup with the references finds it.
    assertThat(id(register(customers, avroBody(CUSTOMER, references)))).isEqualTo(customerId);
    Http.Reply found = registry.post("/subjects/" + customers).contentType(SR).body(avroBody(CUSTOMER, references))
        .send();
    assertThat(found.status()).as("%s", found).isEqualTo(200);
    assertThat(found.json().getInteger("id")).isEqualTo(customerId);

    // Every answer that returns the schema carries its references; the text names the type without inlining it.
    JsonArray expected = new JsonArray(references);
    JsonObject version = registry.get("/subjects/" + customers + "/versions/1").send().json();
    assertThat(version.getJsonArray("references")).isEqualTo(expected);
    assertThat(version.getString("schema")).doesNotContain("street");
    assertThat(registry.get("/schemas/ids/" + customerId).send().json().getJsonArray("references"))
        .isEqualTo(expected);
    assertThat(registry.get("/subjects/" + customers + "/versions/latest").send().json().getJsonArray("references"))
        .isEqualTo(expected);
    assertThat(found.json().getJsonArray("references")).isEqualTo(expected);
    assertThat(registry.get("/schemas/ids/" + addressId).send().json().containsKey("references"))
        .as("no references, no field").isFalse();
    // format=resolved inlines the referenced named type.
    String resolved = registry.get("/schemas/ids/" + customerId + "?format=resolved").send().json()
        .getString("schema");
    assertThat(new JsonObject(resolved).getJsonArray("fields").getJsonObject(1).getJsonObject("type")
        .getString("name")).isEqualTo("Address");

    // The same text with other references is another schema (another id), as in Confluent's registry.
    String addressV2 = ADDRESS.replace("}]}", "},{\"name\":\"zip\",\"type\":\"string\",\"default\":\"\"}]}");
    assertThat(id(register(addresses, avroBody(addressV2, "[]")))).isNotEqualTo(addressId);
    int customerV2 = id(register(customers, avroBody(CUSTOMER, refs("refs.Address", addresses, "2"))));
    assertThat(customerV2).isNotEqualTo(customerId);

    // Who references version 1, and that it cannot be deleted while they do: 42206, nothing deleted.
    assertThat(registry.get("/subjects/" + addresses + "/versions/1/referencedby").send().array())
        .containsExactly(customerId);
    assertThat(registry.get("/subjects/" + addresses + "/versions/2/referencedby").send().array())
        .containsExactly(customerV2);
    assertError(registry.delete("/subjects/" + addresses + "/versions/1").send(), 422, 42206);
    assertError(registry.delete("/subjects/" + addresses).send(), 422, 42206);
    assertThat(registry.get("/subjects/" + addresses + "/versions").send().array()).containsExactly(1, 2);
    assertError(registry.get("/subjects/" + addresses + "/versions/9/referencedby").send(), 404, 40402);
    assertError(registry.get("/subjects/nowhere-" + addresses + "/versions/1/referencedby").send(), 404, 40401);

    // Once the referrer is gone (soft-deleted), the referenced version may go too, soft then hard.
    assertThat(registry.delete("/subjects/" + customers + "/versions/1").send().status()).isEqualTo(200);
    assertThat(registry.get("/subjects/" + addresses + "/versions/1/referencedby").send().array()).isEmpty();
    assertThat(registry.delete("/subjects/" + addresses + "/versions/1").send().status()).isEqualTo(200);
    assertError(registry.delete("/subjects/" + addresses + "/versions/2?permanent=true").send(), 422, 42206);
  }

  @Test
  void badReferencesAre42201AndNothingIsStored() {
    String addresses = TestKafka.uniqueTopic("ref-bad-address") + "-value";
    String customers = TestKafka.uniqueTopic("ref-bad-customer") + "-value";
    id(register(addresses, avroBody(ADDRESS, "[]")));

    Http.Reply noVersion = register(customers, avroBody(CUSTOMER, refs("refs.Address", addresses, "7")));
    assertError(noVersion, 422, 42201);
    assertThat(noVersion.json().getString("message")).contains("version 7").contains("does not exist");
    assertError(register(customers, avroBody(CUSTOMER, refs("refs.Address", "missing-" + addresses, "1"))), 422,
        42201);
    // The type the text uses needs its reference.
    Http.Reply unresolved = register(customers, avroBody(CUSTOMER, "[]"));
    assertError(unresolved, 422, 42201);
    assertThat(unresolved.json().getString("message")).contains("refs.Address");
    assertError(register(customers, avroBody(CUSTOMER, "[{\"name\":\"refs.Address\"}]")), 422, 42201);
    assertError(register(customers, avroBody(CUSTOMER, "{}")), 422, 42201);
    // A Protobuf import without a matching reference names the import.
    Http.Reply noImport = register(customers, typedBody("PROTOBUF", ORDER, "[]"));
    assertError(noImport, 422, 42201);
    assertThat(noImport.json().getString("message")).contains("money/money.proto");
    assertError(registry.post("/compatibility/subjects/" + customers + "/versions").contentType(SR)
        .body(avroBody(CUSTOMER, refs("refs.Address", addresses, "7"))).send(), 422, 42201);
    assertError(registry.post("/subjects/" + addresses).contentType(SR)
        .body(avroBody(CUSTOMER, refs("refs.Address", addresses, "7"))).send(), 422, 42201);

    assertError(registry.get("/subjects/" + customers + "/versions").send(), 404, 40401);
  }

  /** The descriptor protoc writes for {@link #ORDER}, as the JS and Python serializers send it. */
  private static FileDescriptorProto orderDescriptor() {
    return FileDescriptorProto.newBuilder().setName("shopref/order.proto").setPackage("shopref").setSyntax("proto3")
        .addDependency("money/money.proto").addDependency("google/protobuf/timestamp.proto")
        .addMessageType(DescriptorProto.newBuilder().setName("Order")
            .addField(field("item", 1, Type.TYPE_STRING))
            .addField(field("price", 2, Type.TYPE_MESSAGE).setTypeName(".money.Money"))
            .addField(field("at", 3, Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Timestamp")))
        .build();
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(Label.LABEL_OPTIONAL)
        .setType(type).setJsonName(name);
  }

  /** Byte for byte the body Confluent's JS and Python Protobuf serializers post to register a schema with imports. */
  private static String descriptorBody(FileDescriptorProto file, String references) {
    return "{\"schemaType\":\"PROTOBUF\",\"references\":" + references + ",\"schema\":\""
        + Base64.getEncoder().encodeToString(file.toByteArray()) + "\"}";
  }

  @Test
  void protobufImportsAnotherSubjectsFileAsTextOrDescriptorAndServesItSerialized() throws Exception {
    String monies = TestKafka.uniqueTopic("ref-money") + "-value";
    String orders = TestKafka.uniqueTopic("ref-order") + "-value";
    int moneyId = id(register(monies, typedBody("PROTOBUF", MONEY, "[]")));
    String references = refs("money/money.proto", monies, "1");

    int orderId = id(register(orders, descriptorBody(orderDescriptor(), references)));
    // The .proto text of the same file, with the same references, is the same schema.
    assertThat(id(register(orders, typedBody("PROTOBUF", ORDER, references)))).isEqualTo(orderId);
    Http.Reply found = registry.post("/subjects/" + orders + "?normalize=false").contentType(SR)
        .body(descriptorBody(orderDescriptor(), references)).send();
    assertThat(found.json().getInteger("id")).as("%s", found).isEqualTo(orderId);
    assertThat(registry.get("/subjects/" + orders + "/versions").send().array()).containsExactly(1);

    JsonObject latest = registry.get("/subjects/" + orders + "/versions/latest").send().json();
    assertThat(latest.getString("schema")).contains("import \"money/money.proto\";");
    assertThat(latest.getJsonArray("references")).isEqualTo(new JsonArray(references));
    assertThat(registry.get("/schemas/ids/" + orderId + "?format=resolved").send().json().getString("schema"))
        .as("Protobuf imports are not inlined").isEqualTo(latest.getString("schema"));

    // A Confluent deserializer: the serialized schema and its references' serialized files, each named by its
    // reference's name.
    JsonObject served = registry.get("/schemas/ids/" + orderId + "?subject=" + orders + "&format=serialized").send()
        .json();
    FileDescriptorProto order = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(served.getString("schema")));
    assertThat(order.getDependencyList()).containsExactly("money/money.proto", "google/protobuf/timestamp.proto");
    JsonObject reference = served.getJsonArray("references").getJsonObject(0);
    FileDescriptorProto money = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(registry.get("/subjects/"
        + reference.getString("subject") + "/versions/" + reference.getInteger("version") + "?format=serialized")
        .send().json().getString("schema"))).toBuilder().setName(reference.getString("name")).build();
    FileDescriptor moneyFile = FileDescriptor.buildFrom(money, new FileDescriptor[0]);
    FileDescriptor orderFile = FileDescriptor.buildFrom(order, new FileDescriptor[] {moneyFile,
        com.google.protobuf.Timestamp.getDescriptor().getFile()});
    assertThat(orderFile.findMessageTypeByName("Order").findFieldByName("price").getMessageType().getFullName())
        .isEqualTo("money.Money");
    assertThat(registry.get("/subjects/" + monies + "/versions/1/referencedby").send().array())
        .containsExactly(orderId);
    assertThat(moneyId).isNotEqualTo(orderId);
  }

  @Test
  void jsonSchemaRefsNameAnotherSubjectsSchemaByReferenceName() {
    String addresses = TestKafka.uniqueTopic("ref-json-address") + "-value";
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("ref-json"), 1);
    String address = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"}},\"required\":[\"street\"]}";
    String customer = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
        + "\"home\":{\"$ref\":\"address.json\"}},\"required\":[\"name\",\"home\"]}";
    id(register(addresses, typedBody("JSON", address, "[]")));
    String references = refs("address.json", addresses, "1");

    int id = id(register(topic + "-value", typedBody("JSON", customer, references)));
    assertError(register(topic + "-value", typedBody("JSON", customer, "[]")), 422, 42201);

    // Produce validates through the referenced schema.
    JsonObject ada = new JsonObject().put("name", "Ada").put("home", new JsonObject().put("street", "Main"));
    assertThat(written(v2Produce(http, topic, "jsonschema", body(List.of(record(null, ada)), "value_schema_id", id)))
        .getInteger("value_schema_id")).isEqualTo(id);
    Http.Reply bad = v2Produce(http, topic, "jsonschema", body(List.of(record(null,
        new JsonObject().put("name", "Bob").put("home", new JsonObject().put("street", 5)))), "value_schema_id", id));
    assertThat(bad.status()).as("%s", bad).isEqualTo(400);
  }

  @Test
  void avroWithAReferenceRoundTripsThroughV1V2AndV3ProduceAndV1AndV2Consume() {
    String addresses = TestKafka.uniqueTopic("ref-rt-address") + "-value";
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("ref-rt-avro"), 1);
    id(register(addresses, avroBody(ADDRESS, "[]")));
    // Version -1 is the referenced subject's latest version, as Confluent's build plugins send it.
    int id = id(register(topic + "-value", avroBody(CUSTOMER, refs("refs.Address", addresses, "-1"))));
    assertThat(registry.get("/subjects/" + addresses + "/versions/latest/referencedby").send().array())
        .containsExactly(id);
    JsonObject ada = customer("Ada", "Main");
    JsonObject bob = customer("Bob", "High");
    JsonObject cy = customer("Cy", "Low");

    assertThat(written(v1Produce(http, topic, body(List.of(record(null, ada)), "value_schema_id", id)))
        .getInteger("value_schema_id")).isEqualTo(id);
    assertThat(written(v2Produce(http, topic, "avro", body(List.of(record(null, bob)), "value_schema_id", id)))
        .getInteger("value_schema_id")).isEqualTo(id);
    // v3 without a schema writes with the subject's latest version: the schema with the reference.
    List<JsonObject> receipts = receipts(http.post("/v3/clusters/any/topics/" + topic + "/records")
        .contentType("application/json").body(new JsonObject().put("value", new JsonObject().put("data", cy))
            .encode() + "\n").send());
    assertThat(receipts.get(0).getInteger("error_code")).as("%s", receipts).isEqualTo(200);
    assertThat(receipts.get(0).getJsonObject("value").getInteger("schema_id")).isEqualTo(id);
    TestKafka.readAll(topic, 3, READ_TIMEOUT).forEach(r -> assertThat(prefixHex(r.value())).isEqualTo(framingOf(id)));

    assertThat(readBack(topic, "avro", 3)).containsExactly(ada, bob, cy);
    // v1's simple read decodes them too.
    Http.Reply simple = http.get("/topics/" + topic + "/partitions/0/messages?offset=0&count=3")
        .accept("application/vnd.kafka.avro.v1+json").send();
    assertThat(simple.status()).as("%s", simple).isEqualTo(200);
    assertThat(simple.array().stream().map(r -> ((JsonObject) r).getJsonObject("value")).toList())
        .containsExactly(ada, bob, cy);
  }

  @Test
  void protobufImportingAnotherSubjectRoundTripsThroughV2AndV3ProduceAndV2Consume() throws Exception {
    String monies = TestKafka.uniqueTopic("ref-rt-money") + "-value";
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("ref-rt-proto"), 1);
    id(register(monies, typedBody("PROTOBUF", MONEY, "[]")));
    int id = id(register(topic + "-value", descriptorBody(orderDescriptor(), refs("money/money.proto", monies,
        "1"))));
    JsonObject tea = order("tea", "EUR", 3);
    JsonObject cake = order("cake", "USD", 5);

    assertThat(written(v2Produce(http, topic, "protobuf", body(List.of(record(null, tea)), "value_schema_id", id)))
        .getInteger("value_schema_id")).isEqualTo(id);
    List<JsonObject> receipts = receipts(http.post("/v3/clusters/any/topics/" + topic + "/records")
        .contentType("application/json").body(new JsonObject().put("value", new JsonObject().put("data", cake))
            .encode() + "\n").send());
    assertThat(receipts.get(0).getInteger("error_code")).as("%s", receipts).isEqualTo(200);
    assertThat(receipts.get(0).getJsonObject("value").getInteger("schema_id")).isEqualTo(id);

    // The bytes decode with the files Confluent's deserializer would build: Order importing Money.
    byte[] value = TestKafka.readAll(topic, 2, READ_TIMEOUT).get(0).value();
    assertThat(prefixHex(value)).isEqualTo(framingOf(id));
    FileDescriptor moneyFile = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder().setName("money/money.proto")
        .setPackage("money").setSyntax("proto3").addMessageType(DescriptorProto.newBuilder().setName("Money")
            .addField(field("currency", 1, Type.TYPE_STRING)).addField(field("units", 2, Type.TYPE_INT64))).build(),
        new FileDescriptor[0]);
    Descriptor orderType = FileDescriptor.buildFrom(orderDescriptor(), new FileDescriptor[] {moneyFile,
        com.google.protobuf.Timestamp.getDescriptor().getFile()}).findMessageTypeByName("Order");
    DynamicMessage message = DynamicMessage.parseFrom(orderType, Arrays.copyOfRange(value, 6, value.length));
    DynamicMessage price = (DynamicMessage) message.getField(orderType.findFieldByName("price"));
    assertThat(price.getField(price.getDescriptorForType().findFieldByName("currency"))).isEqualTo("EUR");

    assertThat(readBack(topic, "protobuf", 2)).containsExactly(tea, cake);
  }

  private static JsonObject customer(String name, String street) {
    return new JsonObject().put("name", name).put("home", new JsonObject().put("street", street));
  }

  /** A proto3 Order as protobuf's JSON mapping prints it (int64 as a string; the unset message field left out). */
  private static JsonObject order(String item, String currency, int units) {
    return new JsonObject().put("item", item)
        .put("price", new JsonObject().put("currency", currency).put("units", String.valueOf(units)));
  }

  private static List<JsonObject> readBack(String topic, String format, int count) {
    V2ConsumerClient v2 = new V2ConsumerClient(http);
    String group = TestKafka.uniqueTopic("group");
    String name = v2.create(group, quick(format));
    v2.subscribe(group, name, topic);
    List<JsonObject> values = v2.readUntil(group, name, "application/vnd.kafka." + format + ".v2+json", "", count)
        .stream().map(r -> r.getJsonObject("value")).toList();
    v2.delete(group, name);
    return values;
  }
}
