package io.tributary.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * v2 Avro produce with a cached schema id: before the first phase the value schema is registered once, through
 * the embedded registry's own REST API, under the topic's value subject (the proxy checks that the id belongs to
 * {@code <topic>-value}); every request then names it by {@code value_schema_id} and carries JSON-encoded Avro
 * values the proxy must validate and encode. The value is sized to 100 bytes in Kafka (5-byte schema-id prefix
 * included), the size of the binary scenarios' values.
 */
final class AvroProduceScenario implements Scenario {
  private static final JsonObject SCHEMA = new JsonObject().put("type", "record").put("name", "BenchValue")
      .put("namespace", "io.tributary.bench").put("fields", new JsonArray()
          .add(field("id", "long")).add(field("text", "string")).add(field("count", "int"))
          .add(field("score", "double")));

  // long 1234567 (4 bytes zig-zag), string of 80 (2 + 80), int 42 (1), double (8), plus the 5-byte prefix: 100.
  static final JsonObject VALUE = new JsonObject().put("id", 1_234_567L).put("text", "x".repeat(80))
      .put("count", 42).put("score", 3.25);

  private final BenchEnvironment env;
  private final int recordsPerRequest;
  private String registeredFor;
  private HttpProduceScenario produce;

  AvroProduceScenario(BenchEnvironment env, int recordsPerRequest) {
    this.env = env;
    this.recordsPerRequest = recordsPerRequest;
  }

  private static JsonObject field(String name, String type) {
    return new JsonObject().put("name", name).put("type", type);
  }

  @Override
  public String name() {
    return "v2-avro-" + recordsPerRequest;
  }

  @Override
  public String description() {
    return "POST /topics/{t}, vnd.kafka.avro.v2+json, value_schema_id (registered once), " + recordsPerRequest
        + " record(s)/request of 100 bytes encoded, " + env.options().connections()
        + " keep-alive connections, closed loop";
  }

  @Override
  public PhaseResult run(String topic, Phase phase) {
    if (!topic.equals(registeredFor)) {
      int schemaId = register(topic + "-value");
      registeredFor = topic;
      close();
      produce = new HttpProduceScenario(name(), description(),
          ProduceWorkload.v2Avro(schemaId, VALUE, recordsPerRequest), env);
    }
    return produce.run(topic, phase);
  }

  private int register(String subject) {
    try (ProxyCalls registry = new ProxyCalls(env.clientVertx(), env.registryUri(), 1)) {
      ProxyCalls.Reply reply = registry.call(HttpMethod.POST, "/subjects/" + subject + "/versions",
          "application/vnd.schemaregistry.v1+json", null, new JsonObject().put("schema", SCHEMA.encode()), 200,
          "registering the Avro schema");
      Integer id = reply.body().toJsonObject().getInteger("id");
      if (id == null) {
        throw new BenchFailure("the registry answered without a schema id: " + reply.body());
      }
      return id;
    }
  }

  @Override
  public void close() {
    if (produce != null) {
      produce.close();
      produce = null;
    }
  }
}
