package io.tributary.admin.v3;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one builder of v3 URLs and CRNs for a request on one cluster: absolute {@code self}/{@code related} URLs under
 * the request's base ({@code …/v3} or {@code …/kafka/v3}), and {@code crn://<authority>/kafka=<cluster>/…} resource
 * names (reference §4.1).
 */
final class V3Links {
  private final String apiBase;
  private final String clusterId;
  private final String authority;

  /**
   * @param apiBase absolute URL of the API root, e.g. {@code http://host:8082/v3}
   * @param authority the CRN authority ({@code confluent.resource.name.authority}), usually empty
   */
  V3Links(String apiBase, String clusterId, String authority) {
    this.apiBase = apiBase;
    this.clusterId = clusterId;
    this.authority = authority;
  }

  String clusterId() {
    return clusterId;
  }

  /** {@code …/clusters/<id>} followed by the given path segments, each URL-encoded. */
  String url(Object... segments) {
    StringBuilder url = new StringBuilder(apiBase).append("/clusters/").append(encode(clusterId));
    for (Object segment : segments) {
      url.append('/').append(encode(String.valueOf(segment)));
    }
    return url.toString();
  }

  /** {@link #url} with a query string; parameters are kept in the given order, values URL-encoded. */
  String urlWithQuery(Map<String, String> query, Object... segments) {
    StringBuilder url = new StringBuilder(url(segments));
    char separator = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      url.append(separator).append(e.getKey()).append('=').append(encodeQuery(e.getValue()));
      separator = '&';
    }
    return url.toString();
  }

  /** The API root's URL of the cluster list (not cluster-specific). */
  String clustersUrl() {
    return apiBase + "/clusters";
  }

  /**
   * {@code crn://<authority>/kafka=<cluster>} followed by {@code /type=id} for each pair; a last element without a
   * partner is appended as a plain segment ({@code …/consumer-group=g/lag-summary}).
   */
  String crn(Object... typeIdPairs) {
    StringBuilder crn = new StringBuilder("crn://").append(authority).append("/kafka=").append(clusterId);
    for (int i = 0; i < typeIdPairs.length; i += 2) {
      crn.append('/').append(typeIdPairs[i]);
      if (i + 1 < typeIdPairs.length) {
        crn.append('=').append(typeIdPairs[i + 1]);
      }
    }
    return crn.toString();
  }

  /** A resource's {@code metadata}. */
  static JsonObject metadata(String self, String resourceName) {
    JsonObject metadata = new JsonObject().put("self", self);
    if (resourceName != null) {
      metadata.put("resource_name", resourceName);
    }
    return metadata;
  }

  /** A relationship object. */
  static JsonObject related(String url) {
    return new JsonObject().put("related", url);
  }

  private static String encode(String segment) {
    // URLEncoder is form encoding: a space would become '+', which in a path is a literal plus.
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodeQuery(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
