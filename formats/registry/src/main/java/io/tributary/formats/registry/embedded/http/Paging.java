package io.tributary.formats.registry.embedded.http;

import io.tributary.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The {@code offset} and {@code limit} query parameters of the registry's listings: {@code offset} items skipped
 * (negative: none), then at most {@code limit} (zero or negative: all), as Confluent's registry pages them. Read
 * when the request arrives, so that a bad value fails the request before the store is asked.
 */
record Paging(int offset, int limit) {
  /** The request's paging; 400 when a parameter is not an integer. */
  static Paging of(RoutingContext ctx) {
    return new Paging(Math.max(whole(ctx, "offset", 0), 0), whole(ctx, "limit", -1));
  }

  /** The page of {@code items} asked for. */
  <T> List<T> page(List<T> items) {
    int from = Math.min(offset, items.size());
    int to = limit <= 0 ? items.size() : (int) Math.min((long) from + limit, items.size());
    return items.subList(from, to);
  }

  /** An integer query parameter, {@code fallback} when absent; 400 when it is not an integer. */
  static int whole(RoutingContext ctx, String name, int fallback) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw ErrorCode.BAD_REQUEST.toException("Query parameter '" + name + "' must be an integer");
    }
  }
}
