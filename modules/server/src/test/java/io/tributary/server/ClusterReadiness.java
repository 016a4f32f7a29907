package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;

/** A clustered test node's {@code /health/ready}, which reports the cluster as that node sees it. */
final class ClusterReadiness {
  private ClusterReadiness() {}

  /** Waits until {@code node} is ready and counts {@code members} members; its answer. */
  static JsonObject awaitMembers(TestServer node, int members) {
    JsonObject ready = Eventually.get(() -> ready(node),
        r -> r.getJsonObject("cluster") != null && r.getJsonObject("cluster").getInteger("members") == members);
    assertThat(ready.getJsonObject("cluster").getInteger("members")).as("%s", ready).isEqualTo(members);
    return ready;
  }

  /** The answer of a node that must be ready. */
  static JsonObject ready(TestServer node) {
    Http.Reply reply = node.http().get(RootRoutes.READY).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json();
  }
}
