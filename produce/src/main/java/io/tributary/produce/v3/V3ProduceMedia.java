package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.MediaType;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.ext.web.RoutingContext;
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
  private static final List<Offer<String>> RESPONSE = List.of(Offer.of(KafkaMediaTypes.JSON, 1.0,
      KafkaMediaTypes.JSON));

  private V3ProduceMedia() {}

  /** Checks Content-Type and Accept; the charset the body is written in. */
  static Charset check(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    MediaType type = MediaType.parse(contentType);
    if (type == null || !type.essence().equals(KafkaMediaTypes.JSON)) {
      throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.toException();
    }
    if (Negotiation.select(ctx.request().getHeader("Accept"), RESPONSE).isEmpty()) {
      throw ErrorCode.NOT_ACCEPTABLE.toException();
    }
    return charset(contentType);
  }

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
