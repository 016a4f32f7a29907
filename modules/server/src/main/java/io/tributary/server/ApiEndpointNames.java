package io.tributary.server;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names kafka-rest 7.x gives its v2 and v3 endpoints, which {@code api.endpoints.allowlist} and
 * {@code api.endpoints.blocklist} use: a group ({@code api.v3.topics.*}) and the endpoint itself
 * ({@code api.v3.topics.list}). v2 produce and consume endpoints are named per embedded format
 * ({@code api.v2.produce-to-topic.avro}, {@code api.v2.consumers.consume-binary}).
 */
final class ApiEndpointNames {
  /** An endpoint's names: its group ({@code api.v3.topics.*}) and its own ({@code api.v3.topics.list}). */
  record Name(String group, String endpoint) {}

  private record Entry(HttpMethod method, Pattern path, String group, String endpoint, FormatFrom format) {}

  /** Where a v2 endpoint's name takes its format from, if it is named per format. */
  private enum FormatFrom { NONE, CONTENT_TYPE, ACCEPT }

  private static final String ID = "[^/]+";
  private static final String CLUSTER = "/v3/clusters/" + ID;
  private static final Pattern V2_FORMAT = Pattern.compile(
      "application/vnd\\.kafka\\.(binary|json|avro|jsonschema|protobuf)\\.v2\\+json", Pattern.CASE_INSENSITIVE);

  private static final List<Entry> V3 = new ArrayList<>();
  private static final List<Entry> V2 = new ArrayList<>();

  static {
    v3(HttpMethod.GET, "/v3/clusters", "clusters", "list");
    v3(HttpMethod.GET, CLUSTER, "clusters", "get");
    v3(HttpMethod.GET, CLUSTER + "/brokers", "brokers", "list");
    v3(HttpMethod.GET, CLUSTER + "/brokers/-/configs", "brokers-configs", "list");
    v3(HttpMethod.GET, CLUSTER + "/brokers/" + ID, "brokers", "get");
    v3(HttpMethod.DELETE, CLUSTER + "/brokers/" + ID, "brokers", "delete");
    v3(HttpMethod.GET, CLUSTER + "/brokers/" + ID + "/configs", "broker-configs", "list");
    v3(HttpMethod.POST, CLUSTER + "/brokers/" + ID + "/configs:alter", "broker-configs", "alter");
    v3(HttpMethod.GET, CLUSTER + "/brokers/" + ID + "/configs/" + ID, "broker-configs", "get");
    v3(HttpMethod.PUT, CLUSTER + "/brokers/" + ID + "/configs/" + ID, "broker-configs", "update");
    v3(HttpMethod.DELETE, CLUSTER + "/brokers/" + ID + "/configs/" + ID, "broker-configs", "delete");
    v3(HttpMethod.GET, CLUSTER + "/brokers/" + ID + "/partition-replicas", "replicas", "search-by-broker");
    v3(HttpMethod.GET, CLUSTER + "/broker-configs", "cluster-configs", "list");
    v3(HttpMethod.POST, CLUSTER + "/broker-configs:alter", "cluster-configs", "alter");
    v3(HttpMethod.GET, CLUSTER + "/broker-configs/" + ID, "cluster-configs", "get");
    v3(HttpMethod.PUT, CLUSTER + "/broker-configs/" + ID, "cluster-configs", "update");
    v3(HttpMethod.DELETE, CLUSTER + "/broker-configs/" + ID, "cluster-configs", "delete");
    v3(HttpMethod.GET, CLUSTER + "/topics", "topics", "list");
    v3(HttpMethod.POST, CLUSTER + "/topics", "topics", "create");
    v3(HttpMethod.GET, CLUSTER + "/topics/-/configs", "topic-configs", "list");
    v3(HttpMethod.GET, CLUSTER + "/topics/-/partitions/-/reassignment", "partition-reassignments", "list");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID, "topics", "get");
    v3(HttpMethod.DELETE, CLUSTER + "/topics/" + ID, "topics", "delete");
    v3(HttpMethod.PATCH, CLUSTER + "/topics/" + ID, "topics", "update");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/configs", "topic-configs", "list");
    v3(HttpMethod.POST, CLUSTER + "/topics/" + ID + "/configs:alter", "topic-configs", "alter");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/configs/" + ID, "topic-configs", "get");
    v3(HttpMethod.PUT, CLUSTER + "/topics/" + ID + "/configs/" + ID, "topic-configs", "update");
    v3(HttpMethod.DELETE, CLUSTER + "/topics/" + ID + "/configs/" + ID, "topic-configs", "delete");
    v3(HttpMethod.POST, CLUSTER + "/topics/" + ID + "/records", "produce", "produce-to-topic");
    v3(HttpMethod.POST, CLUSTER + "/topics/" + ID + "/records:batch", "batch-produce", "produce-to-topic");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions/-/reassignment", "partition-reassignments",
        "search-by-topic");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions", "partitions", "list");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions/" + ID, "partitions", "get");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions/" + ID + "/reassignment", "partition-reassignments",
        "get");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions/" + ID + "/replicas", "replicas", "list");
    v3(HttpMethod.GET, CLUSTER + "/topics/" + ID + "/partitions/" + ID + "/replicas/" + ID, "replicas", "get");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups", "consumer-groups", "list");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID, "consumer-groups", "get");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/consumers", "consumers", "list");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/consumers/" + ID, "consumers", "get");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/consumers/" + ID + "/assignments",
        "consumer-assignments", "list");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/consumers/" + ID + "/assignments/" + ID
        + "/partitions/" + ID, "consumer-assignments", "get");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/lags", "consumer-lags", "list");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/lags/" + ID + "/partitions/" + ID, "consumer-lags",
        "get");
    v3(HttpMethod.GET, CLUSTER + "/consumer-groups/" + ID + "/lag-summary", "consumer-group-lag-summary", "get");
    v3(HttpMethod.GET, CLUSTER + "/acls", "acls", "list");
    v3(HttpMethod.POST, CLUSTER + "/acls", "acls", "create");
    v3(HttpMethod.DELETE, CLUSTER + "/acls", "acls", "delete");
    v3(HttpMethod.POST, CLUSTER + "/acls:batch", "acls", "batch-create");

    v2(HttpMethod.GET, "/brokers", "brokers", "list", FormatFrom.NONE);
    v2(HttpMethod.GET, "/topics", "topics", "list", FormatFrom.NONE);
    v2(HttpMethod.GET, "/topics/" + ID, "topics", "get", FormatFrom.NONE);
    v2(HttpMethod.POST, "/topics/" + ID, "produce-to-topic", "", FormatFrom.CONTENT_TYPE);
    v2(HttpMethod.GET, "/topics/" + ID + "/partitions", "partitions", "list", FormatFrom.NONE);
    v2(HttpMethod.GET, "/topics/" + ID + "/partitions/" + ID, "partitions", "get", FormatFrom.NONE);
    v2(HttpMethod.GET, "/topics/" + ID + "/partitions/" + ID + "/offsets", "partitions", "get-offsets",
        FormatFrom.NONE);
    v2(HttpMethod.POST, "/topics/" + ID + "/partitions/" + ID, "produce-to-partition", "", FormatFrom.CONTENT_TYPE);
    String instance = "/consumers/" + ID + "/instances/" + ID;
    v2(HttpMethod.POST, "/consumers/" + ID, "consumers", "create", FormatFrom.NONE);
    v2(HttpMethod.DELETE, instance, "consumers", "delete", FormatFrom.NONE);
    v2(HttpMethod.POST, instance + "/subscription", "consumers", "subscribe", FormatFrom.NONE);
    v2(HttpMethod.GET, instance + "/subscription", "consumers", "get-subscription", FormatFrom.NONE);
    v2(HttpMethod.DELETE, instance + "/subscription", "consumers", "unsubscribe", FormatFrom.NONE);
    v2(HttpMethod.GET, instance + "/records", "consumers", "consume-", FormatFrom.ACCEPT);
    v2(HttpMethod.POST, instance + "/offsets", "consumers", "commit-offsets", FormatFrom.NONE);
    v2(HttpMethod.GET, instance + "/offsets", "consumers", "get-committed-offsets", FormatFrom.NONE);
    v2(HttpMethod.POST, instance + "/positions", "consumers", "seek-to-offset", FormatFrom.NONE);
    v2(HttpMethod.POST, instance + "/positions/beginning", "consumers", "seek-to-beginning", FormatFrom.NONE);
    v2(HttpMethod.POST, instance + "/positions/end", "consumers", "seek-to-end", FormatFrom.NONE);
    v2(HttpMethod.POST, instance + "/assignments", "consumers", "assign", FormatFrom.NONE);
    v2(HttpMethod.GET, instance + "/assignments", "consumers", "get-assignments", FormatFrom.NONE);
  }

  private ApiEndpointNames() {}

  private static void v3(HttpMethod method, String path, String group, String endpoint) {
    V3.add(new Entry(method, Pattern.compile(path), "api.v3." + group, endpoint, FormatFrom.NONE));
  }

  private static void v2(HttpMethod method, String path, String group, String endpoint, FormatFrom format) {
    V2.add(new Entry(method, Pattern.compile(path), "api.v2." + group, endpoint, format));
  }

  /** The v3 endpoint a request is for ({@code /kafka/v3} is the same as {@code /v3}); empty for any other path. */
  static Optional<Name> v3(HttpMethod method, String path) {
    String normalised = path.startsWith("/kafka/v3/") || path.equals("/kafka/v3") ? path.substring(6) : path;
    return find(V3, method, normalised, null, null);
  }

  /**
   * The v2 endpoint a request is for; call only for requests that v2 (not v1) answers.
   *
   * @param contentType the request's Content-Type (names the format of a produce), or null
   * @param accept the request's Accept (names the format of a consume), or null
   */
  static Optional<Name> v2(HttpMethod method, String path, String contentType, String accept) {
    return find(V2, method, path, contentType, accept);
  }

  private static Optional<Name> find(List<Entry> table, HttpMethod method, String path, String contentType,
      String accept) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    for (Entry e : table) {
      if (e.method().equals(method) && e.path().matcher(trimmed).matches()) {
        String endpoint = switch (e.format()) {
          case NONE -> e.endpoint();
          case CONTENT_TYPE -> e.endpoint() + format(contentType);
          case ACCEPT -> e.endpoint() + format(accept);
        };
        return Optional.of(new Name(e.group() + ".*", e.group() + "." + endpoint));
      }
    }
    return Optional.empty();
  }

  /** The embedded format a v2 media type names, in kafka-rest's spelling; binary when it names none. */
  private static String format(String mediaType) {
    if (mediaType != null) {
      Matcher m = V2_FORMAT.matcher(mediaType);
      if (m.find()) {
        String format = m.group(1).toLowerCase(Locale.ROOT);
        return format.equals("jsonschema") ? "json-schema" : format;
      }
    }
    return "binary";
  }
}
