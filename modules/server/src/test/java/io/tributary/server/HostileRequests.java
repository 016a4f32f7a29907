package io.tributary.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile HTTP requests for every route of every generation (v1, v2, v3 under {@code /v3} and
 * {@code /kafka/v3}, Event Streams, the embedded registry): a valid request of the route, then a few mutations of its
 * body (malformed and truncated JSON, wrong types, huge numbers, bad base64, invalid UTF-8, deep nesting, oversize),
 * media types (malformed, duplicated, form types), path (dot segments, empty segments, bad percent-encoding) and
 * headers (no Host, oversize). Request {@code i} of seed {@code s} depends on nothing else, so one can be replayed.
 *
 * <p>Requests that would change shared state outside the test (broker configurations, ACLs, other topics) name a
 * cluster that does not exist, so that the proxy refuses them before they reach Kafka.
 */
final class HostileRequests {
  /** What the requests aim at: a topic, consumer instances and the listeners of one dedicated server. */
  record Target(int proxyPort, int registryPort, String topic, String clusterId, String v1Group, String v1Instance,
      String v2Group, String v2Instance, int bodyLimit) {}

  /** One request: where it goes, its bytes, and a line saying what it is (for a failure report). */
  record Hostile(int port, byte[] bytes, String description) {}

  private enum Body {
    NONE, V1_PRODUCE, V2_BINARY, V2_JSON, V2_AVRO, V2_JSONSCHEMA, V2_PROTOBUF, CONSUMER, OFFSETS, PARTITIONS,
    SUBSCRIPTION, V3_RECORDS, V3_BATCH, V3_TOPIC, V3_CONFIGS, V3_ACL, EVENT_STREAMS, SCHEMA, COMPATIBILITY
  }

  private record Route(boolean registry, String method, String path, Body body, List<String> types,
      List<String> accepts, int weight) {}

  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String V2 = "application/vnd.kafka.v2+json";
  private static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";
  private static final String V2_JSON = "application/vnd.kafka.json.v2+json";
  private static final String V2_AVRO = "application/vnd.kafka.avro.v2+json";
  private static final String V2_JSONSCHEMA = "application/vnd.kafka.jsonschema.v2+json";
  private static final String V2_PROTOBUF = "application/vnd.kafka.protobuf.v2+json";
  private static final String JSON = "application/json";
  private static final String REGISTRY = "application/vnd.schemaregistry.v1+json";
  private static final String NO_SUCH_CLUSTER = "fuzz-no-such-cluster";

  private static final String[] HOSTILE_TYPES = {";;;", ";", "", " ", "application/json;;charset=", "a/b/c", "/",
      "application/", "*/*", "multipart/form-data; boundary=x", "multipart/mixed", "application/x-www-form-urlencoded",
      "text/plain", "application/json; charset=utf-16", "application/json; charset=\"", "application/json; charset=",
      "application/vnd.kafka.binary.v2+json; q=abc", "application/vnd.kafka.v9+json", "application/json, text/plain",
      "application/vnd.kafka.avro.v1+json", "application/vnd.kafka.json.v1+json", "text/xml", "\u00ff/\u00fe"};
  private static final String[] HOSTILE_ACCEPTS = {";;;", ",,,", ";", "", "application/json;q=abc", "*/*;q=2",
      "*/*;q=-1", "text/html", "application/vnd.kafka.v2+json;q=0", "application/*, */*;q=0.1", "a/b/c",
      "application/vnd.kafka.v1+json, application/vnd.kafka.v2+json", "*", "application/json;q=1e999"};
  private static final String[] HOSTILE_VALUES = {"null", "true", "-1", "0", "1e999999", "-1e999999",
      "123456789012345678901234567890", "9223372036854775808", "2147483648", "-9223372036854775809", "1.5",
      "\"\"", "\"!!!not base64!!!\"", "\"aGk\"", "\"====\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[null]",
      "{\"type\":\"BINARY\",\"data\":\"%%%\"}", "{\"type\":\"AVRO\",\"data\":1}", "{\"type\":42}",
      "{\"subject_name_strategy\":\"NOPE\"}", "\"NaN\"", "NaN", "[1,2", "\"\\x\"", "01", "-", "1e", "\"latest\""};
  private static final String[] HOSTILE_SEGMENTS = {"", ".", "..", "%2e%2e", "a%2Fb", "%ZZ", "%00", "%C3%28",
      "%FF%FE", "%", "a%20b", "%E2%82%AC", "-", "-1", "abc", "99999999999", "2147483648", "_schemas", "*",
      "a..b", "x".repeat(300), "%252e", "~", "a;b", "a:b"};
  private static final String[] HOSTILE_QUERIES = {"?%ZZ=1", "?offset=abc", "?offset=-1&count=-1",
      "?timeout=99999999999999999999", "?timeout=-5", "?timeout=abc", "?offset=9223372036854775808",
      "?max_bytes=-5", "?max_bytes=abc", "?include=%&include=all", "?subjectPrefix=%25", "?deleted=maybe",
      "?a=%C3%28", "?&&&=", "?offset=1e3", "?count=99999999999", "?timestamp=abc", "?normalize=x", "?%",
      "?key=%ZZ", "?partition=abc", "?key=aGk&keytype=nope", "?fetch_max_wait_ms=-1"};

  private final Target target;
  private final List<Route> routes;
  private final int totalWeight;

  HostileRequests(Target target) {
    this.target = target;
    this.routes = routes(target);
    this.totalWeight = routes.stream().mapToInt(Route::weight).sum();
  }

  /** Request {@code index} of {@code seed}. */
  Hostile request(long seed, int index) {
    Random random = new Random(seed * 1_000_003L + index);
    Route route = pick(random);
    String method = random.nextInt(30) == 0 ? pickOf(random, "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
        "OPTIONS") : route.method();
    String path = mutatePath(random, route.path());
    List<String> headers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    byte[] body = body(random, route, notes);
    if (random.nextInt(40) != 0) {
      headers.add("Host: 127.0.0.1");
    } else {
      notes.add("no Host");
    }
    contentType(random, route, headers);
    accept(random, route, headers);
    extraHeaders(random, headers, notes);
    if (body != null && random.nextInt(25) == 0) {
      // A compressed hostile body. (A body that is not what its Content-Encoding says is not sent: Vert.x's
      // decompressor fails inside Netty and the connection closes without an answer; see docs/errors.md.)
      body = gzip(body);
      headers.add("Content-Encoding: gzip");
      notes.add("gzip");
    }
    headers.add("Connection: close");
    boolean chunked = route.body() == Body.V3_RECORDS && random.nextBoolean();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String version = random.nextInt(50) == 0 ? "HTTP/1.0" : "HTTP/1.1";
    write(out, method + " " + path + " " + version + "\r\n");
    for (String header : headers) {
      write(out, header + "\r\n");
    }
    if (body != null && chunked) {
      write(out, "Transfer-Encoding: chunked\r\n\r\n");
      int at = 0;
      while (at < body.length) {
        int n = Math.min(body.length - at, 1 + random.nextInt(4096));
        write(out, Integer.toHexString(n) + "\r\n");
        out.write(body, at, n);
        write(out, "\r\n");
        at += n;
      }
      write(out, "0\r\n\r\n");
    } else if (body != null) {
      write(out, "Content-Length: " + body.length + "\r\n\r\n");
      out.write(body, 0, body.length);
    } else {
      write(out, "\r\n");
    }
    String description = method + " " + abbreviate(path) + " " + abbreviate(String.join(" | ", headers))
        + (body == null ? "" : " body[" + body.length + "]: " + abbreviate(new String(body, StandardCharsets.UTF_8)))
        + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    return new Hostile(route.registry() ? target.registryPort() : target.proxyPort(), out.toByteArray(), description);
  }

  private Route pick(Random random) {
    int n = random.nextInt(totalWeight);
    for (Route route : routes) {
      n -= route.weight();
      if (n < 0) {
        return route;
      }
    }
    return routes.get(routes.size() - 1);
  }

  private String mutatePath(Random random, String path) {
    String p = path;
    int r = random.nextInt(10);
    if (r == 0) {
      // A hostile value for one of the path's segments.
      String[] segments = p.substring(1).split("/", -1);
      segments[random.nextInt(segments.length)] = pickOf(random, HOSTILE_SEGMENTS);
      p = "/" + String.join("/", segments);
    } else if (r == 1) {
      p = insertAtSlash(random, p, pickOf(random, "/.", "/", "/./", "/x/..", "/%2e", "/%2E%2E/x"));
    } else if (r == 2) {
      p = p + pickOf(random, "/", "//", "/.", "/..", "?", "#x", ";x=1");
    }
    if (random.nextInt(8) == 0) {
      p = p + (p.contains("?") ? "&" + pickOf(random, HOSTILE_QUERIES).substring(1) : pickOf(random, HOSTILE_QUERIES));
    }
    return p;
  }

  private static String insertAtSlash(Random random, String path, String insert) {
    List<Integer> slashes = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes.add(i);
      }
    }
    int at = slashes.get(random.nextInt(slashes.size()));
    return path.substring(0, at) + insert + path.substring(at);
  }

  private void contentType(Random random, Route route, List<String> headers) {
    int r = random.nextInt(10);
    if (r < 5 && !route.types().isEmpty()) {
      headers.add("Content-Type: " + pickOf(random, route.types()));
    } else if (r < 8) {
      headers.add("Content-Type: " + pickOf(random, HOSTILE_TYPES));
    } else if (r == 8 && !route.types().isEmpty()) {
      headers.add("Content-Type: " + pickOf(random, route.types()));
      headers.add("Content-Type: " + pickOf(random, HOSTILE_TYPES));
    }
  }

  private void accept(Random random, Route route, List<String> headers) {
    int r = random.nextInt(10);
    if (r < 5 && !route.accepts().isEmpty()) {
      headers.add("Accept: " + pickOf(random, route.accepts()));
    } else if (r < 7) {
      headers.add("Accept: " + pickOf(random, HOSTILE_ACCEPTS));
    } else if (r == 7) {
      headers.add("Accept: " + pickOf(random, HOSTILE_ACCEPTS));
      headers.add("Accept: " + pickOf(random, HOSTILE_ACCEPTS));
    }
  }

  private void extraHeaders(Random random, List<String> headers, List<String> notes) {
    switch (random.nextInt(25)) {
      case 0 -> {
        headers.add("X-Fuzz: " + "a".repeat(9000 + random.nextInt(4000)));
        notes.add("oversize header");
      }
      case 1 -> headers.add("X-Auth-Token: " + pickOf(random, "", "%%%", "\u00ff\u00fe", "a".repeat(500)));
      case 2 -> headers.add("Authorization: " + pickOf(random, "Bearer ", "Bearer a.b.c", "Basic !!!", "Basic ",
          "Basic " + java.util.Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)), "Digest x"));
      case 3 -> headers.add("Expect: 100-continue");
      case 4 -> headers.add("Content-Encoding: " + pickOf(random, "br", "nope", "identity"));
      case 5 -> headers.add("Host: " + pickOf(random, "::::", "", "[", "a b", "x:99999999"));
      case 6 -> {
        for (int i = 0; i < 150; i++) {
          headers.add("X-Many-" + i + ": " + i);
        }
        notes.add("many headers");
      }
      default -> { }
    }
  }

  private byte[] body(Random random, Route route, List<String> notes) {
    if (route.body() == Body.NONE && random.nextInt(4) != 0) {
      return null;
    }
    String valid = validBody(random, route.body());
    String text = random.nextInt(6) == 0 ? valid : mutateJson(random, valid, notes);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(14)) {
      case 0 -> {
        notes.add("truncated");
        return java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
      }
      case 1 -> {
        notes.add("invalid UTF-8");
        return insertBytes(random, bytes, pickOf(random, new byte[] {(byte) 0xff, (byte) 0xfe},
            new byte[] {(byte) 0xc3, (byte) 0x28}, new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80}));
      }
      case 2 -> {
        notes.add("oversize body");
        return oversize(random, bytes);
      }
      case 3 -> {
        return pickOf(random, "", " \r\n\t ", "\u0000", "null", "[]", "\"x\"", "{}", "{}{}", "}", "\uFEFF{}")
            .getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> {
        notes.add("deep nesting");
        int depth = 900 + random.nextInt(2000);
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        return bytes;
      }
    }
  }

  /** Replaces one value of the JSON text (or adds a duplicate key) with a hostile value. */
  private static String mutateJson(Random random, String json, List<String> notes) {
    int r = random.nextInt(5);
    if (r == 0 && json.startsWith("{")) {
      notes.add("duplicate key");
      int colon = json.indexOf(':');
      int quote = json.lastIndexOf('"', colon - 2);
      return colon > 0 && quote > 0 ? "{" + json.substring(quote, colon) + ":" + pickOf(random, HOSTILE_VALUES) + ","
          + json.substring(1) : json;
    }
    List<int[]> values = valueSpans(json);
    if (values.isEmpty()) {
      return json;
    }
    int[] span = values.get(random.nextInt(values.size()));
    String replacement;
    if (r == 1) {
      int depth = 200 + random.nextInt(1500);
      replacement = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
      notes.add("deep value");
    } else if (r == 2) {
      replacement = "\"" + "A".repeat(1 + random.nextInt(70_000)) + "\"";
      notes.add("long string");
    } else {
      replacement = pickOf(random, HOSTILE_VALUES);
    }
    return json.substring(0, span[0]) + replacement + json.substring(span[1]);
  }

  /** The spans of scalar values (strings after a colon or in arrays, numbers, literals) in a JSON text. */
  private static List<int[]> valueSpans(String json) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (end < json.length() && json.charAt(end) != '"') {
          end += json.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, json.length());
        int next = end;
        while (next < json.length() && json.charAt(next) == ' ') {
          next++;
        }
        boolean isKey = next < json.length() && json.charAt(next) == ':';
        if (!isKey) {
          spans.add(new int[] {i, end});
        }
        i = end;
      } else if (c == '-' || Character.isDigit(c) || c == 't' || c == 'f' || c == 'n') {
        int end = i;
        while (end < json.length() && ",}] ".indexOf(json.charAt(end)) < 0) {
          end++;
        }
        spans.add(new int[] {i, end});
        i = end;
      } else {
        i++;
      }
    }
    return spans;
  }

  private byte[] oversize(Random random, byte[] bytes) {
    int size = target.bodyLimit() + 1 + random.nextInt(target.bodyLimit());
    String pad = "{\"value\":{\"type\":\"STRING\",\"data\":\"" + "x".repeat(size) + "\"}}";
    if (random.nextBoolean()) {
      byte[] out = java.util.Arrays.copyOf(bytes, size);
      java.util.Arrays.fill(out, bytes.length, size, (byte) ' ');
      return out;
    }
    return pad.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insertBytes(Random random, byte[] bytes, byte[] insert) {
    // Inside a string value when there is one, where a parser must decode it.
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    for (int i = at; i < bytes.length; i++) {
      if (bytes[i] == '"') {
        at = i + 1;
        break;
      }
    }
    byte[] out = new byte[bytes.length + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
    return out;
  }

  private String validBody(Random random, Body body) {
    String t = target.topic();
    return switch (body) {
      case NONE -> "{}";
      case V1_PRODUCE, V2_BINARY -> "{\"records\":[{\"key\":\"aGk=\",\"value\":\"aGVsbG8=\",\"partition\":0},"
          + "{\"value\":\"d29ybGQ=\"}]}";
      case V2_JSON -> "{\"records\":[{\"key\":{\"k\":1},\"value\":{\"v\":[1,2,\"x\"]}},{\"value\":null}]}";
      case V2_AVRO -> "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":"
          + "[{\\\"name\\\":\\\"f\\\",\\\"type\\\":\\\"string\\\"}]}\",\"records\":[{\"value\":{\"f\":\"x\"}}]}";
      case V2_JSONSCHEMA -> "{\"value_schema\":\"{\\\"type\\\":\\\"object\\\",\\\"properties\\\":{\\\"f\\\":"
          + "{\\\"type\\\":\\\"string\\\"}}}\",\"records\":[{\"value\":{\"f\":\"x\"}}]}";
      case V2_PROTOBUF -> "{\"value_schema\":\"syntax = \\\"proto3\\\"; message M { string f = 1; }\","
          + "\"records\":[{\"value\":{\"f\":\"x\"}}]}";
      case CONSUMER -> "{\"name\":\"fuzz-c" + random.nextInt(3) + "\",\"format\":\""
          + pickOf(random, "binary", "json", "avro", "jsonschema", "protobuf") + "\",\"auto.offset.reset\":\"earliest\","
          + "\"auto.commit.enable\":\"false\",\"fetch.min.bytes\":1,\"consumer.request.timeout.ms\":100}";
      case OFFSETS -> "{\"offsets\":[{\"topic\":\"" + t + "\",\"partition\":0,\"offset\":0}]}";
      case PARTITIONS -> "{\"partitions\":[{\"topic\":\"" + t + "\",\"partition\":0}]}";
      case SUBSCRIPTION -> random.nextBoolean() ? "{\"topics\":[\"" + t + "\"]}" : "{\"topic_pattern\":\"fuzz-.*\"}";
      case V3_RECORDS -> "{\"key\":{\"type\":\"BINARY\",\"data\":\"aGk=\"},\"value\":{\"type\":\"JSON\",\"data\":"
          + "{\"a\":1}}}\n{\"value\":{\"type\":\"STRING\",\"data\":\"x\"},\"headers\":[{\"name\":\"h\",\"value\":"
          + "\"aGk=\"}],\"partition_id\":0,\"timestamp\":\"2024-01-01T00:00:00Z\"}";
      case V3_BATCH -> "{\"entries\":[{\"id\":\"1\",\"value\":{\"type\":\"STRING\",\"data\":\"x\"}},{\"id\":\"2\","
          + "\"key\":{\"type\":\"BINARY\",\"data\":\"aGk=\"}}]}";
      case V3_TOPIC -> "{\"topic_name\":\"fuzz-created-" + random.nextInt(4) + "\",\"partitions_count\":1,"
          + "\"replication_factor\":1,\"configs\":[{\"name\":\"retention.ms\",\"value\":\"60000\"}]}";
      case V3_CONFIGS -> "{\"data\":[{\"name\":\"retention.ms\",\"value\":\"60000\",\"operation\":\"SET\"}],"
          + "\"value\":\"1\"}";
      case V3_ACL -> "{\"resource_type\":\"TOPIC\",\"resource_name\":\"fuzz\",\"pattern_type\":\"LITERAL\","
          + "\"principal\":\"User:fuzz\",\"host\":\"*\",\"operation\":\"READ\",\"permission\":\"ALLOW\"}";
      case EVENT_STREAMS -> pickOf(random, "some test data", "{\"a\":1}", "<a>1</a>");
      case SCHEMA -> pickOf(random, "{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\"}",
          "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}",
          "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; message M { string f = 1; }\"}",
          "{\"schemaType\":\"AVRO\",\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":"
              + "[]}\",\"references\":[{\"name\":\"x\",\"subject\":\"s\",\"version\":1}]}");
      case COMPATIBILITY -> "{\"compatibility\":\"" + pickOf(random, "NONE", "BACKWARD", "FULL", "nope") + "\"}";
    };
  }

  private static List<Route> routes(Target t) {
    String topic = t.topic();
    String c = t.clusterId();
    String i1 = "/consumers/" + t.v1Group() + "/instances/" + t.v1Instance();
    String i2 = "/consumers/" + t.v2Group() + "/instances/" + t.v2Instance();
    List<String> v1Types = List.of(V1_BINARY, "application/vnd.kafka.avro.v1+json", "application/vnd.kafka.json.v1+json",
        V1, JSON);
    List<String> v1Accepts = List.of(V1, JSON, "application/vnd.kafka+json", "*/*", V2);
    List<String> v2Accepts = List.of(V2, JSON, "*/*");
    List<String> v2Types = List.of(V2, JSON);
    List<String> v3 = List.of(JSON);
    List<Route> r = new ArrayList<>();
    // v1
    r.add(route("POST", "/topics/" + topic, Body.V1_PRODUCE, v1Types, v1Accepts, 8));
    r.add(route("POST", "/topics/" + topic + "/partitions/0", Body.V1_PRODUCE, v1Types, v1Accepts, 4));
    r.add(route("GET", "/topics", Body.NONE, List.of(), v1Accepts, 2));
    r.add(route("GET", "/topics/" + topic, Body.NONE, List.of(), v1Accepts, 2));
    r.add(route("GET", "/topics/" + topic + "/partitions", Body.NONE, List.of(), v1Accepts, 2));
    r.add(route("GET", "/topics/" + topic + "/partitions/0", Body.NONE, List.of(), v1Accepts, 2));
    r.add(route("GET", "/topics/" + topic + "/partitions/0/messages?offset=0&count=2", Body.NONE, List.of(),
        List.of(V1_BINARY, V1, JSON, "application/vnd.kafka.json.v1+json"), 4));
    r.add(route("GET", "/brokers", Body.NONE, List.of(), v1Accepts, 1));
    r.add(route("POST", "/consumers/" + t.v1Group(), Body.CONSUMER, List.of(V1, JSON), v1Accepts, 1));
    r.add(route("GET", i1 + "/topics/" + topic, Body.NONE, List.of(), List.of(V1_BINARY, V1, JSON), 3));
    r.add(route("POST", i1 + "/offsets", Body.OFFSETS, List.of(V1, JSON), v1Accepts, 3));
    r.add(route("DELETE", "/consumers/" + t.v1Group() + "/instances/fuzz-gone", Body.NONE, List.of(), v1Accepts, 1));
    // v2
    r.add(route("POST", "/topics/" + topic, Body.V2_BINARY, List.of(V2_BINARY), v2Accepts, 8));
    r.add(route("POST", "/topics/" + topic, Body.V2_JSON, List.of(V2_JSON), v2Accepts, 6));
    r.add(route("POST", "/topics/" + topic, Body.V2_AVRO, List.of(V2_AVRO), v2Accepts, 4));
    r.add(route("POST", "/topics/" + topic, Body.V2_JSONSCHEMA, List.of(V2_JSONSCHEMA), v2Accepts, 3));
    r.add(route("POST", "/topics/" + topic, Body.V2_PROTOBUF, List.of(V2_PROTOBUF), v2Accepts, 3));
    r.add(route("POST", "/topics/" + topic + "/partitions/0", Body.V2_BINARY, List.of(V2_BINARY), v2Accepts, 3));
    r.add(route("GET", "/topics/" + topic + "/partitions/0/offsets", Body.NONE, List.of(), v2Accepts, 2));
    r.add(route("POST", "/consumers/" + t.v2Group(), Body.CONSUMER, v2Types, v2Accepts, 1));
    r.add(route("POST", i2 + "/subscription", Body.SUBSCRIPTION, v2Types, v2Accepts, 3));
    r.add(route("GET", i2 + "/subscription", Body.NONE, List.of(), v2Accepts, 2));
    r.add(route("DELETE", "/consumers/" + t.v2Group() + "/instances/fuzz-gone/subscription", Body.NONE, List.of(),
        v2Accepts, 1));
    r.add(route("POST", i2 + "/assignments", Body.PARTITIONS, v2Types, v2Accepts, 2));
    r.add(route("GET", i2 + "/assignments", Body.NONE, List.of(), v2Accepts, 2));
    r.add(route("POST", i2 + "/positions", Body.OFFSETS, v2Types, v2Accepts, 2));
    r.add(route("POST", i2 + "/positions/beginning", Body.PARTITIONS, v2Types, v2Accepts, 2));
    r.add(route("POST", i2 + "/positions/end", Body.PARTITIONS, v2Types, v2Accepts, 2));
    r.add(route("POST", i2 + "/offsets", Body.OFFSETS, v2Types, v2Accepts, 3));
    r.add(route("GET", i2 + "/offsets", Body.PARTITIONS, v2Types, v2Accepts, 4));
    r.add(route("GET", i2 + "/records?timeout=100&max_bytes=100000", Body.NONE, List.of(),
        List.of(V2_BINARY, V2_JSON, V2_AVRO, V2_JSONSCHEMA, V2_PROTOBUF, V2), 4));
    r.add(route("DELETE", "/consumers/" + t.v2Group() + "/instances/fuzz-gone", Body.NONE, List.of(V2), v2Accepts,
        1));
    // v3, under both prefixes
    for (String prefix : List.of("/v3", "/kafka/v3")) {
      r.add(route("POST", prefix + "/clusters/" + c + "/topics/" + topic + "/records", Body.V3_RECORDS, v3, v3, 8));
      r.add(route("POST", prefix + "/clusters/" + c + "/topics/" + topic + "/records:batch", Body.V3_BATCH, v3, v3,
          3));
      r.add(route("GET", prefix + "/clusters", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c, Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics/" + topic, Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics/" + topic + "/partitions/0", Body.NONE, List.of(), v3,
          1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics/" + topic + "/configs", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/brokers/1/configs", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/consumer-groups", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/consumer-groups/" + t.v2Group() + "/lags", Body.NONE,
          List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/acls?resource_type=TOPIC", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/brokers", Body.NONE, List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics/" + topic + "/partitions", Body.NONE, List.of(), v3,
          1));
      r.add(route("GET", prefix + "/clusters/" + c + "/consumer-groups/" + t.v2Group() + "/consumers", Body.NONE,
          List.of(), v3, 1));
      r.add(route("GET", prefix + "/clusters/" + c + "/topics/-/partitions/-/reassignment", Body.NONE, List.of(), v3,
          1));
      r.add(route("GET", prefix + "/clusters/" + c + "/broker-configs", Body.NONE, List.of(), v3, 1));
      r.add(route("POST", prefix + "/clusters/" + c + "/topics", Body.V3_TOPIC, v3, v3, 2));
      r.add(route("POST", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/acls:batch", Body.V3_ACL, v3, v3, 1));
      // Mutations of shared state go to a cluster that does not exist: refused before Kafka.
      r.add(route("POST", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/acls", Body.V3_ACL, v3, v3, 1));
      r.add(route("DELETE", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/acls?resource_type=TOPIC", Body.NONE,
          List.of(), v3, 1));
      r.add(route("PUT", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/brokers/1/configs/log.retention.ms",
          Body.V3_CONFIGS, v3, v3, 1));
      r.add(route("POST", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/topics/" + topic + "/configs:alter",
          Body.V3_CONFIGS, v3, v3, 1));
      r.add(route("POST", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/broker-configs:alter", Body.V3_CONFIGS, v3,
          v3, 1));
      r.add(route("DELETE", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/topics/" + topic, Body.NONE, List.of(), v3,
          1));
      r.add(route("PATCH", prefix + "/clusters/" + NO_SUCH_CLUSTER + "/topics/" + topic + "/partitions", Body.NONE,
          v3, v3, 1));
    }
    // Event Streams
    r.add(route("POST", "/topics/" + topic + "/records", Body.EVENT_STREAMS, List.of("text/plain", JSON,
        "application/octet-stream", "text/xml"), List.of(JSON, "*/*"), 6));
    r.add(route("POST", "/topics/" + topic + "/records?key=aGk&keytype=base64&partition=0", Body.EVENT_STREAMS,
        List.of("text/plain"), List.of(JSON), 2));
    r.add(route("GET", "/", Body.NONE, List.of(), List.of(JSON), 1));
    // The embedded registry
    List<String> rTypes = List.of(REGISTRY, JSON, "application/vnd.schemaregistry+json");
    List<String> rAccepts = List.of(REGISTRY, JSON, "*/*");
    r.add(registry("GET", "/subjects", Body.NONE, List.of(), rAccepts, 2));
    r.add(registry("POST", "/subjects/fuzz-value/versions", Body.SCHEMA, rTypes, rAccepts, 5));
    r.add(registry("POST", "/subjects/fuzz-value", Body.SCHEMA, rTypes, rAccepts, 3));
    r.add(registry("GET", "/subjects/fuzz-value/versions", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/subjects/fuzz-value/versions/latest", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/subjects/fuzz-value/versions/1/schema", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("DELETE", "/subjects/fuzz-other", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/schemas/ids/1", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/schemas/ids/1/versions", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/schemas/types", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/schemas/ids/1/schema", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/schemas/ids/1/subjects", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("DELETE", "/subjects/fuzz-other/versions/1", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/config/fuzz-value", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("DELETE", "/config/fuzz-other", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("GET", "/mode", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("POST", "/", Body.NONE, rTypes, rAccepts, 1));
    r.add(registry("GET", "/config", Body.NONE, List.of(), rAccepts, 1));
    r.add(registry("PUT", "/config/fuzz-value", Body.COMPATIBILITY, rTypes, rAccepts, 2));
    r.add(registry("POST", "/compatibility/subjects/fuzz-value/versions/latest", Body.SCHEMA, rTypes, rAccepts, 2));
    return r;
  }

  private static Route route(String method, String path, Body body, List<String> types, List<String> accepts,
      int weight) {
    return new Route(false, method, path, body, types, accepts, weight);
  }

  private static Route registry(String method, String path, Body body, List<String> types, List<String> accepts,
      int weight) {
    return new Route(true, method, path, body, types, accepts, weight);
  }

  @SafeVarargs
  private static <T> T pickOf(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  private static <T> T pickOf(Random random, List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…(" + oneLine.length() + ")";
  }
}
