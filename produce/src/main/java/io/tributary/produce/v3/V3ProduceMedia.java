package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The media types of v3 produce: bodies must be {@code application/json} (415 otherwise, also when the header is
 * missing, as JAX-RS read that as {@code application/octet-stream}), in UTF-8 or ISO-8859-1 (400 for any other
 * {@code charset}); replies are {@code application/json} (406 when the Accept header rules that out).
 */
final class V3ProduceMedia {
  /** Replies: {@code application/json} only. */
  static final List<Offer<String>> RESPONSE = List.of(Offer.of(KafkaMediaTypes.JSON, 1.0, KafkaMediaTypes.JSON));

  /**
   * Bodies: {@code application/json} only; what the type means is the charset the body is written in, read once
   * Accept has been checked (400 for another charset).
   */
  static final BodyTypes<Charset> BODY = BodyTypes.exactly(
      List.of(Offer.of(KafkaMediaTypes.JSON, 1.0, StandardCharsets.UTF_8)),
      (matched, contentType) -> charset(contentType));

  private V3ProduceMedia() {}

  static Charset charset(String contentType) {
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String name = p.substring(eq + 1).trim().replace("\"", "").toUpperCase(Locale.ROOT);
        return switch (name) {
          case "UTF-8" -> StandardCharsets.UTF_8;
          case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
          default -> throw ErrorCode.BAD_REQUEST.toException("Unsupported charset in Content-Type header: "
              + name + ". Only UTF-8 and ISO-8859-1 are supported.");
        };
      }
    }
    return StandardCharsets.UTF_8;
  }
}
