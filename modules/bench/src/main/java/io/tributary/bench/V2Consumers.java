package io.tributary.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The v2 consumer-instance calls the consume measurements make ({@code /consumers/{group}/instances/{name}/...}),
 * binary format, each answer checked: create, subscribe, assign, read, delete.
 */
final class V2Consumers {
  static final String V2_JSON = "application/vnd.kafka.v2+json";
  static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";

  private final ProxyCalls calls;

  V2Consumers(ProxyCalls calls) {
    this.calls = calls;
  }

  /**
   * {@code POST /consumers/{group}}: a binary instance named {@code name}, reading from the earliest offset, with
   * auto-commit off: instances of one group share committed offsets, so an instance that starts reading after
   * another one's auto-commit would start at that offset instead of the beginning.
   */
  Future<Void> create(String group, String name) {
    Buffer body = new JsonObject().put("name", name).put("format", "binary").put("auto.offset.reset", "earliest")
        .put("auto.commit.enable", "false").toBuffer();
    return calls.send(HttpMethod.POST, "/consumers/" + group, V2_JSON, V2_JSON, body)
        .map(reply -> {
          ProxyCalls.expect(reply, 200, "creating consumer " + name);
          return null;
        });
  }

  Future<Void> subscribe(String group, String name, String topic) {
    Buffer body = new JsonObject().put("topics", new JsonArray().add(topic)).toBuffer();
    return calls.send(HttpMethod.POST, instance(group, name) + "/subscription", V2_JSON, null, body)
        .map(reply -> {
          ProxyCalls.expect(reply, 204, "subscribing consumer " + name);
          return null;
        });
  }

  Future<Void> assign(String group, String name, String topic, int partitions) {
    JsonArray list = new JsonArray();
    for (int p = 0; p < partitions; p++) {
      list.add(new JsonObject().put("topic", topic).put("partition", p));
    }
    Buffer body = new JsonObject().put("partitions", list).toBuffer();
    return calls.send(HttpMethod.POST, instance(group, name) + "/assignments", V2_JSON, null, body)
        .map(reply -> {
          ProxyCalls.expect(reply, 204, "assigning consumer " + name);
          return null;
        });
  }

  /**
   * {@code GET .../records?max_bytes=&timeout=}: enters every record's partition and offset into {@code ledger}
   * (which rejects duplicates) and yields how many records came back.
   */
  Future<Integer> read(String group, String name, long maxBytes, long timeoutMs, OffsetLedger ledger) {
    String path = instance(group, name) + "/records?max_bytes=" + maxBytes + "&timeout=" + timeoutMs;
    return calls.send(HttpMethod.GET, path, null, V2_BINARY, null).map(reply -> {
      ProxyCalls.expect(reply, 200, "reading consumer " + name);
      return RecordsAnswer.enter(reply.body(), ledger, name);
    });
  }

  Future<Void> delete(String group, String name) {
    return calls.send(HttpMethod.DELETE, instance(group, name), V2_JSON, null, null).map(reply -> {
      ProxyCalls.expect(reply, 204, "deleting consumer " + name);
      return null;
    });
  }

  private static String instance(String group, String name) {
    return "/consumers/" + group + "/instances/" + name;
  }
}
