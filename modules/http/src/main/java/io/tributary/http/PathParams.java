package io.tributary.http;

import io.tributary.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;

/** Path parameters that several generations read the same way. */
public final class PathParams {
  private PathParams() {}

  /**
   * The {@code :partition} segment as a partition id. Why 40402 for "abc" or "-1": kafka-rest bound the segment to
   * an int, and JAX-RS answered a segment that does not convert with a plain 404. Keeping the 404 but giving it the
   * code that says what is wrong tells the client more, and a negative number names a partition that cannot exist,
   * just like one past the last. Checked before anything is looked up: no engine round trip for a request that can
   * never succeed.
   */
  public static int partition(RoutingContext ctx) {
    try {
      int id = Integer.parseInt(ctx.pathParam("partition"));
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to "not found"
    }
    throw ErrorCode.PARTITION_NOT_FOUND.toException();
  }
}
