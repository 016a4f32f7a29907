package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** v2 consumer calls for end-to-end tests, asserting the success codes so the tests can speak of what they check. */
public final class V2ConsumerClient {
  public static final String V2 = "application/vnd.kafka.v2+json";
  public static final String BINARY = "application/vnd.kafka.binary.v2+json";
  public static final String JSON = "application/vnd.kafka.json.v2+json";
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Http http;
  private final String apiKey;

  public V2ConsumerClient(Http http) {
    this(http, null);
  }

  /** @param apiKey sent as X-Auth-Token on every call, or null */
  public V2ConsumerClient(Http http, String apiKey) {
    this.http = http;
    this.apiKey = apiKey;
  }

  public static String instance(String group, String name) {
    return "/consumers/" + group + "/instances/" + name;
  }

  /**
   * Creation settings for quick tests: reads from the beginning, return as soon as they hold a record, and wait at
   * most 2 s (reads expected to find nothing pass {@code ?timeout=} to wait less).
   */
  public static JsonObject quick(String format) {
    return new JsonObject().put("format", format).put("auto.offset.reset", "earliest")
        .put("consumer.request.timeout.ms", 2_000).put("fetch.min.bytes", 0);
  }

  public Http.Call get(String path) {
    return auth(http.get(path));
  }

  /** A DELETE that only v2 takes: without Accept, v1 (mounted first by default) would answer it. */
  public Http.Call delete(String path) {
    return auth(http.delete(path)).accept(V2);
  }

  public Http.Reply post(String path, JsonObject body) {
    Http.Call call = auth(http.post(path)).contentType(V2);
    return (body == null ? call : call.body(body.encode())).send();
  }

  public String create(String group, JsonObject body) {
    Http.Reply reply = post("/consumers/" + group, body);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getString("instance_id");
  }

  public void subscribe(String group, String name, String... topics) {
    noContent(post(instance(group, name) + "/subscription", new JsonObject().put("topics", new JsonArray(List.of(
        (Object[]) topics)))));
  }

  public void assign(String group, String name, String topic, int... partitions) {
    JsonArray list = new JsonArray();
    for (int p : partitions) {
      list.add(partition(topic, p));
    }
    noContent(post(instance(group, name) + "/assignments", new JsonObject().put("partitions", list)));
  }

  public static JsonObject partition(String topic, int partition) {
    return new JsonObject().put("topic", topic).put("partition", partition);
  }

  public Http.Reply readReply(String group, String name, String accept, String query) {
    return get(instance(group, name) + "/records" + query).accept(accept).send();
  }

  public JsonArray read(String group, String name, String accept, String query) {
    Http.Reply reply = readReply(group, name, accept, query);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.array();
  }

  /** Reads until {@code expected} records arrived (a group may take a moment to form); exactly that many. */
  public List<JsonObject> readUntil(String group, String name, String accept, String query, int expected) {
    List<JsonObject> all = Eventually.collect(() -> objects(read(group, name, accept, query)), expected);
    assertThat(all).hasSize(expected);
    return all;
  }

  /** The objects of a JSON array, e.g. the records of a read. */
  public static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  public void delete(String group, String name) {
    Http.Reply reply = delete(instance(group, name)).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
  }

  public static void noContent(Http.Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(204);
    assertThat(reply.bytes()).isEmpty();
  }

  private Http.Call auth(Http.Call call) {
    return apiKey == null ? call : call.header("X-Auth-Token", apiKey);
  }
}
