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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded registry's state lives in Kafka: it survives a restart, and instances sharing one cluster (and one
 * {@code _schemas} topic) agree on ids. Each test uses a topic of its own.
 */
class SchemaRegistryClusterE2ETest {

  @Test
  void aRestartedServerKeepsIdsVersionsDeletesAndSettings() {
    Map<String, String> config = Map.of("embedded.schema.registry.topic", TestKafka.uniqueTopic("_schemas-restart"));
    int idA;
    int idB;
    try (TestServer first = TestServer.start(config)) {
      Http registry = SchemaRegistryTestData.registry(first);
      idA = register(registry, "a-value", body(avroRecord("A"))).json().getInteger("id");
      idB = register(registry, "b-value", body(avroRecord("B"))).json().getInteger("id");
      register(registry, "b-value", body(SchemaRegistryTestData.avroRecordWithDefault("B")));
      registry.delete("/subjects/b-value/versions/2").send();
      registry.put("/config/a-value").contentType(SR).body("{\"compatibility\":\"FULL\"}").send();
    }

    try (TestServer second = TestServer.start(config)) {
      Http registry = SchemaRegistryTestData.registry(second);
      assertThat(new JsonObject(registry.get("/schemas/ids/" + idA).send().json().getString("schema"))
          .getString("name")).isEqualTo("A");
      assertThat(register(registry, "a-value", body(avroRecord("A"))).json().getInteger("id")).isEqualTo(idA);
      assertThat(registry.get("/subjects/b-value/versions/1").send().json().getInteger("id")).isEqualTo(idB);
      assertThat(registry.get("/subjects/b-value/versions").send().array()).containsExactly(1);
      assertThat(registry.get("/subjects/b-value/versions?deleted=true").send().array()).containsExactly(1, 2);
      assertThat(registry.get("/config/a-value").send().json().getString("compatibilityLevel")).isEqualTo("FULL");

      // New schemas continue after every id handed out before the restart, soft-deleted ones included.
      int idC = register(registry, "c-value", body(avroRecord("C"))).json().getInteger("id");
      assertThat(idC).isGreaterThan(Math.max(idA, idB) + 1);
      assertThat(registry.get("/subjects/b-value/versions/latest").send().json().getInteger("version")).isEqualTo(1);
      assertThat(register(registry, "b-value", body(avroRecord("B2"))).status()).isEqualTo(409);
    }
  }

  @Test
  void twoInstancesRegisteringConcurrentlyNeverHandOutTheSameId() throws Exception {
    Map<String, String> config = Map.of("embedded.schema.registry.topic", TestKafka.uniqueTopic("_schemas-shared"));
    int perInstance = 8;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (TestServer a = TestServer.start(config); TestServer b = TestServer.start(config)) {
      List<Http> registries = List.of(SchemaRegistryTestData.registry(a), SchemaRegistryTestData.registry(b));
      List<Callable<Integer>> registrations = new ArrayList<>();
      for (int i = 0; i < perInstance * 2; i++) {
        Http registry = registries.get(i % 2);
        String name = "R" + i;
        registrations.add(() -> {
          Http.Reply reply = register(registry, "subject-" + name + "-value", body(avroRecord(name)));
          assertThat(reply.status()).as("%s", reply).isEqualTo(200);
          return reply.json().getInteger("id");
        });
      }
      // One schema registered through both instances at once, under two subjects: one id.
      String shared = avroRecord("Shared");
      registrations.add(() -> register(registries.get(0), "shared-a-value", body(shared)).json().getInteger("id"));
      registrations.add(() -> register(registries.get(1), "shared-b-value", body(shared)).json().getInteger("id"));

      List<Integer> ids = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(registrations)) {
        ids.add(f.get(60, TimeUnit.SECONDS));
      }

      List<Integer> distinctSchemas = ids.subList(0, perInstance * 2);
      assertThat(distinctSchemas).doesNotHaveDuplicates();
      assertThat(ids.get(perInstance * 2)).isEqualTo(ids.get(perInstance * 2 + 1))
          .isNotIn(distinctSchemas);
      // Both instances map every id to the same schema.
      Map<Integer, String> seenByA = new HashMap<>();
      for (int i = 0; i < distinctSchemas.size(); i++) {
        int id = distinctSchemas.get(i);
        for (Http registry : registries) {
          String schema = registry.get("/schemas/ids/" + id).send().json().getString("schema");
          assertThat(new JsonObject(schema).getString("name")).isEqualTo("R" + i);
          seenByA.putIfAbsent(id, schema);
        }
      }
      assertThat(seenByA).hasSize(perInstance * 2);
      assertError(registries.get(1).get("/schemas/ids/" + (ids.stream().mapToInt(x -> x).max().orElse(0) + 1))
          .send(), 404, 40403);
    } finally {
      pool.shutdownNow();
    }
  }
}
