package io.tributary.produce.v3;

import java.util.regex.Pattern;

/** The paths of v3 produce, under {@code /v3} and (as on Confluent Server and Cloud) {@code /kafka/v3}. */
final class V3ProducePaths {
  static final String RECORDS = "/(?:kafka/)?v3/clusters/(?<cluster>[^/]+)/topics/(?<topic>[^/]+)/records";
  static final String BATCH = "/(?:kafka/)?v3/clusters/(?<cluster>[^/]+)/topics/(?<topic>[^/]+)/records:batch";

  private static final Pattern STREAMING = Pattern.compile(RECORDS);

  private V3ProducePaths() {}

  /** Whether a request path is the streaming produce endpoint. */
  static boolean isStreaming(String path) {
    // Asked of every request (HttpVerticle): the prefix spares the others a matcher.
    return path != null && (path.startsWith("/v3/") || path.startsWith("/kafka/v3/"))
        && STREAMING.matcher(path).matches();
  }
}
