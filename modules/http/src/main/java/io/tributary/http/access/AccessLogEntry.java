package io.tributary.http.access;

import java.time.Instant;

/**
 * What the access log records of one request. Deliberately no query string, header value (beyond the user agent
 * and a referer without its query), credential or body: see {@link AccessLogHandler}.
 *
 * @param principal the authenticated principal's name, null when anonymous or not authenticated
 * @param status the response status, 0 when the connection closed before the response's head was sent
 * @param generation {@code v1}, {@code v2}, {@code v3}, {@code eventstreams}, {@code registry}, or null when no
 *     generation claimed the request (health checks, unknown paths)
 */
public record AccessLogEntry(Instant time, String client, String principal, String method, String path,
    String protocol, int status, long bytes, long durationMs, String generation, String referer, String userAgent) {
}
