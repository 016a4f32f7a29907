package io.tributary.v1;

import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The query of a v1 simple read: exactly one of {@code offset} and {@code timestamp} (ISO-8601), and
 * {@code count} (default 1).
 */
final class V1FetchQuery {
  private static final String ONE_OF = "Either `offset` or `timestamp` query parameters must be set.";

  private V1FetchQuery() {}

  static FetchPartition parse(RoutingContext ctx, String topic, int partition) {
    String offsetParam = ctx.request().getParam("offset");
    String timestampParam = ctx.request().getParam("timestamp");
    if ((offsetParam == null) == (timestampParam == null)) {
      throw ErrorCode.BAD_REQUEST.toException(ONE_OF);
    }
    Long offset = offsetParam == null ? null : nonNegative("offset", offsetParam);
    Long timestampMs = timestampParam == null ? null : epochMillis(timestampParam);
    long count = ctx.request().getParam("count") == null ? 1 : nonNegative("count", ctx.request().getParam("count"));
    return new FetchPartition(topic, partition, offset, timestampMs, (int) Math.min(count, Integer.MAX_VALUE), 0);
  }

  private static long nonNegative(String name, String raw) {
    try {
      long value = Long.parseLong(raw.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ErrorCode.BAD_REQUEST.toException("The " + name + " query parameter must be a non-negative integer.");
  }

  /** ISO-8601 with an offset or zone; without one the time is taken as UTC. */
  private static long epochMillis(String raw) {
    // An unencoded '+' in a query string arrives as a space: "…T10:00:00 01:00" meant "+01:00".
    String text = raw.trim().replace(' ', '+');
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      try {
        return ZonedDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException notZoned) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException notLocal) {
          throw badTimestamp();
        }
      }
    }
  }

  private static TributaryException badTimestamp() {
    return ErrorCode.BAD_REQUEST.toException(
        "The timestamp query parameter must be an ISO-8601 date-time such as " + Instant.EPOCH + ".");
  }
}
