package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * v3 ACLs against the test broker's KRaft authorizer. Every ACL here names a principal of its own test, so tests do
 * not see each other's ACLs (and no ACL touches User:ANONYMOUS, the super user the tests connect as).
 */
class V3AclE2ETest {
  private static V3Client v3;

  @BeforeAll
  static void start() {
    v3 = V3Client.of(TestServer.shared().http(), "/v3");
  }

  @Test
  void createSearchAndDeleteOneAcl() {
    String topic = TestKafka.uniqueTopic("v3-acl");
    String principal = "User:" + TestKafka.uniqueTopic("alice");
    JsonObject acl = acl("TOPIC", topic, "LITERAL", principal, "READ", "ALLOW");

    Http.Reply created = v3.post("/acls", acl.encode());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.bytes()).isEmpty();
    String location = created.header("Location");
    assertThat(location).startsWith(v3.url("/acls?resource_type=TOPIC&resource_name=" + topic));

    // The Location finds exactly the new ACL.
    JsonObject found = Eventually.get(() -> v3.send("GET", URI.create(location).getRawPath() + "?"
        + URI.create(location).getRawQuery(), null, null).json(), l -> l.getJsonArray("data").size() == 1);
    assertThat(found.getString("kind")).isEqualTo("KafkaAclList");
    JsonObject listed = found.getJsonArray("data").getJsonObject(0);
    assertThat(listed.getString("kind")).isEqualTo("KafkaAcl");
    assertThat(listed.getString("principal")).isEqualTo(principal);
    assertThat(listed.getString("host")).isEqualTo("*");
    assertThat(listed.getString("operation")).isEqualTo("READ");
    assertThat(listed.getJsonObject("metadata").getString("self")).isEqualTo(location);
    assertThat(listed.getJsonObject("metadata").containsKey("resource_name")).isFalse();

    Http.Reply deleted = v3.delete("/acls?resource_type=TOPIC&resource_name=" + topic
        + "&pattern_type=LITERAL&operation=ANY&permission=ANY&principal=" + principal);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().getJsonArray("data")).hasSize(1);
    assertThat(deleted.json().getJsonArray("data").getJsonObject(0).getString("principal")).isEqualTo(principal);
    Eventually.get(() -> search("principal=" + principal), l -> l.getJsonArray("data").isEmpty());
    assertThat(search("principal=" + principal).getJsonArray("data")).isEmpty();
  }

  @Test
  void aBatchCreatesEveryAclAndSearchesFilterAndSort() {
    String principal = "User:" + TestKafka.uniqueTopic("bob");
    JsonArray data = new JsonArray()
        .add(acl("TOPIC", "orders-", "PREFIXED", principal, "WRITE", "ALLOW"))
        .add(acl("GROUP", "billing", "LITERAL", principal, "READ", "DENY"))
        .add(acl("CLUSTER", "kafka-cluster", "LITERAL", principal, "DESCRIBE", "ALLOW"));

    Http.Reply batch = v3.post("/acls:batch", new JsonObject().put("data", data).encode());
    assertThat(batch.status()).isEqualTo(204);

    JsonObject all = Eventually.get(() -> search("principal=" + principal), l -> l.getJsonArray("data").size() == 3);
    assertThat(all.getJsonArray("data").stream().map(a -> ((JsonObject) a).getString("resource_type")).toList())
        .containsExactly("CLUSTER", "GROUP", "TOPIC");
    assertThat(all.getJsonObject("metadata").getString("self")).isEqualTo(v3.url(
        "/acls?resource_type=ANY&resource_name=&pattern_type=ANY&principal=" + principal.replace(":", "%3A")
            + "&host=&operation=ANY&permission=ANY"));

    JsonObject topics = search("principal=" + principal + "&resource_type=topic");
    assertThat(topics.getJsonArray("data")).hasSize(1);
    // MATCH finds the prefixed ACL that covers a concrete topic name.
    JsonObject matching = search("principal=" + principal + "&resource_type=TOPIC&resource_name=orders-eu"
        + "&pattern_type=MATCH");
    assertThat(matching.getJsonArray("data")).hasSize(1);
    assertThat(search("principal=" + principal + "&permission=DENY").getJsonArray("data")).hasSize(1);

    Http.Reply deleted = v3.delete("/acls?resource_type=ANY&pattern_type=ANY&operation=ANY&permission=ANY"
        + "&principal=" + principal);
    assertThat(deleted.json().getJsonArray("data")).hasSize(3);
  }

  @Test
  void aclEnumsAreChecked() {
    assertError(v3.get("/acls?resource_type=UNKNOWN"), 400, 400);
    assertThat(v3.get("/acls?operation=UNKNOWN").json().getString("message"))
        .isEqualTo("operation cannot be UNKNOWN");
    assertError(v3.get("/acls?permission=MAYBE"), 400, 400);

    Http.Reply missing = v3.delete("/acls?resource_type=TOPIC&pattern_type=LITERAL&operation=READ");
    assertError(missing, 400, 400);
    assertThat(missing.json().getString("message")).isEqualTo("permission cannot be unspecified or UNKNOWN");

    String principal = "User:" + TestKafka.uniqueTopic("carol");
    assertError(v3.post("/acls", acl("ANY", "t", "LITERAL", principal, "READ", "ALLOW").encode()), 400, 400);
    assertError(v3.post("/acls", acl("TOPIC", "t", "MATCH", principal, "READ", "ALLOW").encode()), 400, 400);
    assertError(v3.post("/acls", acl("TOPIC", "t", "LITERAL", principal, "ANY", "ALLOW").encode()), 400, 400);
    assertError(v3.post("/acls", acl("TOPIC", "t", "LITERAL", principal, "READ", "ANY").encode()), 400, 400);
    assertError(v3.post("/acls", acl("TOPIC", "t", "LITERAL", principal, "READ", "ALLOW").put("extra", 1)
        .encode()), 422, 422);
  }

  @Test
  void payloadErrorsAndKafkaRefusals() {
    Http.Reply empty = v3.post("/acls", "");
    assertError(empty, 422, 42206);
    assertThat(empty.json().getString("message")).isEqualTo("Payload error. Null input provided. Data is required.");
    assertError(v3.post("/acls", "{\"resource_type\":\"TOPIC\"}"), 422, 42206);
    assertError(v3.post("/acls:batch", ""), 422, 42206);

    String principal = "User:" + TestKafka.uniqueTopic("dave");
    // Kafka's own rule: the cluster resource is always named kafka-cluster.
    assertError(v3.post("/acls", acl("CLUSTER", "my-cluster", "LITERAL", principal, "ALTER", "ALLOW").encode()),
        400, 40002);
  }

  private static JsonObject search(String query) {
    return v3.get("/acls?" + query).json();
  }

  private static JsonObject acl(String type, String name, String pattern, String principal, String operation,
      String permission) {
    return new JsonObject().put("resource_type", type).put("resource_name", name).put("pattern_type", pattern)
        .put("principal", principal).put("host", "*").put("operation", operation).put("permission", permission);
  }
}
