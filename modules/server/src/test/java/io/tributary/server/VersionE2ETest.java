package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code GET /version}: the build's version (the Maven project version) and git commit. */
class VersionE2ETest {
  @Test
  void versionIsJsonWithTheBuildsVersionAndCommit() {
    Http.Reply reply = TestServer.shared().http().get("/version").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("version", "commit");
    // Filtered from the project version at build time: never the unfiltered placeholder or "unknown".
    assertThat(body.getString("version")).matches("\\d+\\.\\d+\\.\\d+([-.][A-Za-z0-9.-]+)?");
    // The commit the build read from .git; "unknown" only for a build from sources without .git.
    assertThat(body.getString("commit")).matches("[0-9a-f]{40}(-dirty)?|unknown");
    assertThat(body).isEqualTo(BuildInfo.current().toJson());
  }
}
