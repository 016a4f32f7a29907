package io.tributary.consumer.v2;

import io.tributary.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Optional record fields a client asks for with {@code ?include=timestamp,headers} (kafka-rest #935, #1133). A query
 * parameter rather than a media-type parameter: clients and proxies rewrite or drop media-type parameters, and
 * without the parameter the answer keeps the original shape exactly.
 *
 * @param timestamp add {@code "timestamp"}: the record's timestamp in epoch milliseconds
 * @param headers add {@code "headers"}: {@code [{"key":name,"value":base64 or null}]}
 */
record ReadIncludes(boolean timestamp, boolean headers) {
  static final ReadIncludes NONE = new ReadIncludes(false, false);

  /** Reads every {@code include} parameter (repeated or comma-separated); 400 for a name it does not know. */
  static ReadIncludes parse(RoutingContext ctx) {
    boolean timestamp = false;
    boolean headers = false;
    for (String value : ctx.queryParam("include")) {
      for (String item : value.split(",")) {
        switch (item.trim().toLowerCase(Locale.ROOT)) {
          case "timestamp" -> timestamp = true;
          case "headers" -> headers = true;
          case "" -> { }
          default -> throw ErrorCode.BAD_REQUEST.toException("Unknown value '" + item.trim()
              + "' in the include query parameter: use timestamp, headers or both (include=timestamp,headers).");
        }
      }
    }
    return new ReadIncludes(timestamp, headers);
  }
}
