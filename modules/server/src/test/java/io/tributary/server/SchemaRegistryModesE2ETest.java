package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.server.SchemaRegistryTestData.register;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registry modes and IMPORT through the embedded registry's REST API: what each mode allows, the refusals (with
 * nothing stored), and imported ids and versions surviving a restart. Modes are global state, so every test runs
 * its own server on a {@code _schemas} topic of its own.
 */
class SchemaRegistryModesE2ETest {

  private static Map<String, String> ownTopic(String name) {
    return Map.of("embedded.schema.registry.topic", TestKafka.uniqueTopic(name));
  }

  private static Http.Reply putMode(Http registry, String path, String mode) {
    return registry.put(path).contentType(SR).body(new JsonObject().put("mode", mode).encode()).send();
  }

  private static String mode(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getString("mode");
  }

  private static String importBody(String schema, int id, int version) {
    return new JsonObject().put("schema", schema).put("id", id).put("version", version).encode();
  }

  @Test
  void readonlyModesRefuseWritesAndModesCanBeReadChangedAndDeleted() {
    try (TestServer server = TestServer.start(ownTopic("_schemas-modes"))) {
      Http registry = SchemaRegistryTestData.registry(server);
      assertThat(mode(registry.get("/mode").send())).isEqualTo("READWRITE");
      assertError(registry.get("/mode/ro-value").send(), 404, 40409);
      assertThat(mode(registry.get("/mode/ro-value?defaultToGlobal=true").send())).isEqualTo("READWRITE");
      assertThat(register(registry, "ro-value", body(avroRecord("Kept"))).status()).isEqualTo(200);

      assertThat(mode(putMode(registry, "/mode/ro-value", "READONLY"))).isEqualTo("READONLY");
      assertThat(mode(registry.get("/mode/ro-value").send())).isEqualTo("READONLY");
      assertError(register(registry, "ro-value", body(avroRecord("Refused"))), 422, 42205);
      assertError(registry.delete("/subjects/ro-value/versions/1").send(), 422, 42205);
      assertError(registry.delete("/subjects/ro-value").send(), 422, 42205);
      // Nothing of the refused requests was stored; reads still work.
      assertThat(registry.get("/subjects/ro-value/versions").send().array()).containsExactly(1);
      assertThat(register(registry, "other-value", body(avroRecord("Other"))).status()).isEqualTo(200);

      // A global READONLY_OVERRIDE wins over a subject's own mode.
      assertThat(mode(putMode(registry, "/mode/imp-value", "IMPORT"))).isEqualTo("IMPORT");
      assertThat(mode(putMode(registry, "/mode", "READONLY_OVERRIDE"))).isEqualTo("READONLY_OVERRIDE");
      assertThat(mode(registry.get("/mode/imp-value").send())).isEqualTo("READONLY_OVERRIDE");
      assertError(registry.post("/subjects/imp-value/versions").contentType(SR)
          .body(importBody("\"long\"", 500, 1)).send(), 422, 42205);
      assertError(register(registry, "other-value", body(avroRecord("Other2"))), 422, 42205);

      assertError(putMode(registry, "/mode", "WRITEONLY"), 422, 42204);
      assertError(registry.put("/mode").contentType(SR).body("{\"mode\":7}").send(), 422, 42204);
      assertThat(mode(registry.get("/mode").send())).isEqualTo("READONLY_OVERRIDE");

      assertThat(mode(registry.delete("/mode").send())).isEqualTo("READONLY_OVERRIDE");
      assertThat(mode(registry.get("/mode").send())).isEqualTo("READWRITE");
      assertThat(mode(registry.delete("/mode/ro-value").send())).isEqualTo("READONLY");
      assertError(registry.delete("/mode/ro-value").send(), 404, 40401);
      assertThat(register(registry, "ro-value", body(SchemaRegistryTestData.avroRecordWithDefault("Kept")))
          .status()).isEqualTo(200);
    }
  }

  @Test
  void anExplicitIdOutsideImportIsRefusedNotIgnored() {
    try (TestServer server = TestServer.start(ownTopic("_schemas-noimport"))) {
      Http registry = SchemaRegistryTestData.registry(server);
      Http.Reply refused = registry.post("/subjects/long-value/versions").contentType(SR)
          .body("{\"schema\":\"\\\"long\\\"\",\"id\":987654,\"version\":3}").send();
      assertError(refused, 422, 42205);
      assertThat(refused.json().getString("message")).contains("import mode");
      assertError(registry.post("/subjects/long-value/versions").contentType(SR)
          .body("{\"schema\":\"\\\"long\\\"\",\"version\":2}").send(), 422, 42205);
      assertError(registry.post("/subjects/long-value/versions").contentType(SR)
          .body("{\"schema\":\"\\\"long\\\"\",\"id\":\"twelve\"}").send(), 422, 42201);
      assertError(registry.get("/schemas/ids/987654").send(), 404, 40403);
      assertError(registry.get("/subjects/long-value/versions").send(), 404, 40401);

      // The switch to IMPORT needs an empty registry unless forced.
      assertThat(register(registry, "long-value", body("\"long\"")).status()).isEqualTo(200);
      assertError(putMode(registry, "/mode", "IMPORT"), 422, 42205);
      assertError(putMode(registry, "/mode/long-value", "IMPORT"), 422, 42205);
      assertThat(mode(registry.get("/mode").send())).isEqualTo("READWRITE");
      assertThat(mode(putMode(registry, "/mode/empty-value", "IMPORT"))).isEqualTo("IMPORT");
      assertThat(mode(registry.put("/mode?force=true").contentType(SR).body("{\"mode\":\"IMPORT\"}").send()))
          .isEqualTo("IMPORT");
      // In IMPORT, a registration must say which id it keeps.
      assertError(register(registry, "new-value", body(avroRecord("NoId"))), 422, 42205);
    }
  }

  @Test
  void importKeepsIdsAndVersionsThroughARestartAndLaterIdsNeverCollide() {
    Map<String, String> config = ownTopic("_schemas-import");
    String recordA = avroRecord("Imported");
    try (TestServer first = TestServer.start(config)) {
      Http registry = SchemaRegistryTestData.registry(first);
      assertThat(mode(putMode(registry, "/mode", "IMPORT"))).isEqualTo("IMPORT");

      Http.Reply imported = registry.post("/subjects/long-value/versions").contentType(SR)
          .body("{\"schema\":\"\\\"long\\\"\",\"id\":987654,\"version\":3}").send();
      assertThat(imported.status()).as("%s", imported).isEqualTo(200);
      assertThat(imported.json().getInteger("id")).isEqualTo(987654);
      assertThat(registry.post("/subjects/rec-value/versions").contentType(SR).body(importBody(recordA, 40, 7))
          .send().json().getInteger("id")).isEqualTo(40);
      // The same import again is a no-op.
      assertThat(registry.post("/subjects/long-value/versions").contentType(SR)
          .body("{\"schema\":\"\\\"long\\\"\",\"id\":987654,\"version\":3}").send().json().getInteger("id"))
          .isEqualTo(987654);

      // Collisions: the id holds another schema; the version holds another schema; the schema has another id.
      assertError(registry.post("/subjects/x-value/versions").contentType(SR)
          .body(importBody("\"string\"", 987654, 1)).send(), 422, 42205);
      assertError(registry.post("/subjects/long-value/versions").contentType(SR)
          .body(importBody("\"string\"", 41, 3)).send(), 422, 42205);
      assertError(registry.post("/subjects/long-value/versions").contentType(SR)
          .body(importBody("\"long\"", 42, 4)).send(), 422, 42205);
      assertError(registry.get("/subjects/x-value/versions").send(), 404, 40401);
      assertError(registry.get("/schemas/ids/41").send(), 404, 40403);

      assertThat(mode(putMode(registry, "/mode", "READWRITE"))).isEqualTo("READWRITE");
    }

    try (TestServer second = TestServer.start(config)) {
      Http registry = SchemaRegistryTestData.registry(second);
      assertThat(mode(registry.get("/mode").send())).isEqualTo("READWRITE");
      JsonObject v3 = registry.get("/subjects/long-value/versions/3").send().json();
      assertThat(v3.getInteger("id")).isEqualTo(987654);
      assertThat(v3.getString("schema")).isEqualTo("\"long\"");
      assertThat(registry.get("/subjects/long-value/versions").send().array()).containsExactly(3);
      assertThat(registry.get("/subjects/rec-value/versions/7").send().json().getInteger("id")).isEqualTo(40);
      assertThat(new JsonObject(registry.get("/schemas/ids/40").send().json().getString("schema"))
          .getString("name")).isEqualTo("Imported");
      // The imported schema keeps its id when registered again; new schemas and versions come after the imported.
      Http.Reply again = register(registry, "long-copy-value", body("\"long\""));
      assertThat(again.json().getInteger("id")).isEqualTo(987654);
      int fresh = register(registry, "fresh-value", body(avroRecord("Fresh"))).json().getInteger("id");
      assertThat(fresh).isGreaterThan(987654);
      assertThat(register(registry, "rec-value", body(SchemaRegistryTestData.avroRecordWithDefault("Imported")))
          .status()).isEqualTo(200);
      assertThat(registry.get("/subjects/rec-value/versions").send().array()).containsExactly(7, 8);
    }
  }
}
