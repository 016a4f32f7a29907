package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/**
 * Calls a test server's v3 API under one prefix and checks every response against the OpenAPI document the server
 * serves, so that no test can pass with a response the document does not describe.
 */
public final class V3Client {
  private static final Map<String, OpenApiContract> CONTRACTS = new HashMap<>();

  private final Http http;
  private final String prefix;
  private final OpenApiContract contract;
  private final String clusterId;

  private V3Client(Http http, String prefix, OpenApiContract contract, String clusterId) {
    this.http = http;
    this.prefix = prefix;
    this.contract = contract;
    this.clusterId = clusterId;
  }

  /**
   * A client for {@code prefix} ("/v3" or "/kafka/v3") that knows the server's cluster id; {@code headers} (name,
   * value…) are sent with the two set-up requests, e.g. an API key.
   */
  public static V3Client of(Http http, String prefix, String... headers) {
    OpenApiContract contract = contract(http, headers);
    Http.Call call = http.get(prefix + "/clusters");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      call.header(headers[i], headers[i + 1]);
    }
    Http.Reply clusters = call.send();
    assertThat(clusters.status()).as("%s", clusters).isEqualTo(200);
    contract.check("GET", prefix + "/clusters", clusters);
    String clusterId = clusters.json().getJsonArray("data").getJsonObject(0).getString("cluster_id");
    return new V3Client(http, prefix, contract, clusterId);
  }

  public static synchronized OpenApiContract contract(Http http, String... headers) {
    return CONTRACTS.computeIfAbsent(http.baseUrl(), url -> {
      Http.Call call = http.get("/v3/openapi.yaml");
      for (int i = 0; i + 1 < headers.length; i += 2) {
        call.header(headers[i], headers[i + 1]);
      }
      Http.Reply yaml = call.send();
      assertThat(yaml.status()).as("%s", yaml).isEqualTo(200);
      return OpenApiContract.parse(yaml.text());
    });
  }

  public String clusterId() {
    return clusterId;
  }

  /** {@code <prefix>/clusters/<cluster id>} + {@code path}. */
  public String cluster(String path) {
    return prefix + "/clusters/" + clusterId + path;
  }

  /** The absolute URL the server builds for {@code path} below the cluster. */
  public String url(String path) {
    return http.baseUrl() + cluster(path);
  }

  // get/delete/post/put/patch take paths below the cluster ("/topics/t"); send takes the whole path.

  public Http.Reply get(String path) {
    return send("GET", cluster(path), null, null);
  }

  public Http.Reply delete(String path) {
    return send("DELETE", cluster(path), null, null);
  }

  public Http.Reply post(String path, String json) {
    return send("POST", cluster(path), json, "application/json");
  }

  public Http.Reply put(String path, String json) {
    return send("PUT", cluster(path), json, "application/json");
  }

  public Http.Reply patch(String path, String json) {
    return send("PATCH", cluster(path), json, "application/json");
  }

  /** Any request; {@code path} is absolute (starts with the prefix); the reply is checked against the document. */
  public Http.Reply send(String method, String path, String body, String contentType, String... headers) {
    Http.Call call = switch (method) {
      case "GET" -> http.get(path);
      case "POST" -> http.post(path);
      case "PUT" -> http.put(path);
      case "PATCH" -> http.patch(path);
      case "DELETE" -> http.delete(path);
      default -> throw new IllegalArgumentException(method);
    };
    if (contentType != null) {
      call.contentType(contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      call.header(headers[i], headers[i + 1]);
    }
    if (body != null) {
      call.body(body);
    }
    Http.Reply reply = call.send();
    contract.check(method, path, reply);
    return reply;
  }
}
