package io.tributary.server;

import io.tributary.core.config.ConfigKeys;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;

/** Schemas and helpers shared by the schema registry tests. */
final class SchemaRegistryTestData {
  static final String SR = "application/vnd.schemaregistry.v1+json";

  private SchemaRegistryTestData() {}

  /** The embedded registry's listener of a test server. */
  static Http registry(TestServer server) {
    return new Http(server.server().config().get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_LISTENER))
        .checkedBy(ApiContracts.REGISTRY_LISTENER);
  }

  /** An Avro record schema with one string field {@code f}, in a namespace of its own. */
  static String avroRecord(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}";
  }

  /** {@link #avroRecord} plus an optional int field {@code n} with a default: BACKWARD compatible with it. */
  static String avroRecordWithDefault(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"},"
        + "{\"name\":\"n\",\"type\":[\"null\",\"int\"],\"default\":null}]}";
  }

  /** {@link #avroRecord} with {@code f} turned into an int: incompatible with it in every direction. */
  static String avroRecordWithIntField(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
  }

  static String body(String schema) {
    return new JsonObject().put("schema", schema).encode();
  }

  static String body(String schema, String type) {
    return new JsonObject().put("schema", schema).put("schemaType", type).encode();
  }

  static Http.Reply register(Http registry, String subject, String body) {
    return registry.post("/subjects/" + subject + "/versions").contentType(SR).body(body).send();
  }
}
