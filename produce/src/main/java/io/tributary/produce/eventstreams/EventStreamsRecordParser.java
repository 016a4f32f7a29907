package io.tributary.produce.eventstreams;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.RecordHeader;
import io.tributary.formats.JsonStreams;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Turns a REST producer request into the one record it stands for: the body, byte for byte, is the value; the
 * {@code key} query parameter (text, or hex with {@code keyType=binary}) the key; {@code headers=name:hex,…} the
 * headers. Limits are checked on the bytes that would reach Kafka.
 */
final class EventStreamsRecordParser {
  private static final HexFormat HEX = HexFormat.of();
  private static final List<String> SCHEMA_PARAMETERS = List.of("schemaname", "schemaversion", "schemavalidation");

  private final EventStreamsLimits limits;

  EventStreamsRecordParser(EventStreamsLimits limits) {
    this.limits = limits;
  }

  OutgoingRecord parse(MultiMap query, Buffer body, EventStreamsContentTypes.Kind kind) {
    for (String name : SCHEMA_PARAMETERS) {
      if (query.contains(name)) {
        // Silently producing without the schema check the client asked for would be worse than refusing.
        throw ErrorCode.BAD_REQUEST.toException("The query parameter " + name + " is not supported: this producer"
            + " has no Event Streams schema registry.");
      }
    }
    byte[] key = key(single(query, "key"), single(query, "keyType"));
    if (key != null && key.length > limits.maxKeyBytes()) {
      throw ErrorCode.BAD_REQUEST.toException("The key is " + key.length + " bytes, more than the limit max.key.size ("
          + limits.maxKeyBytes() + " bytes).");
    }
    List<RecordHeader> headers = headers(single(query, "headers"));
    if (body == null || body.length() == 0) {
      throw ErrorCode.LENGTH_REQUIRED.toException("Length Required: the request has no data; the body is the message.");
    }
    if (body.length() > limits.maxMessageBytes()) {
      throw ErrorCode.BAD_REQUEST.toException("The message is " + body.length()
          + " bytes, more than the limit max.message.size (" + limits.maxMessageBytes() + " bytes).");
    }
    if (kind == EventStreamsContentTypes.Kind.JSON) {
      requireJson(body);
    }
    return new OutgoingRecord(key, body.getBytes(), null, headers, null);
  }

  private static String single(MultiMap query, String name) {
    List<String> values = query.getAll(name);
    if (values.size() > 1) {
      throw ErrorCode.BAD_REQUEST.toException("The query parameter " + name + " is given more than once.");
    }
    return values.isEmpty() ? null : values.get(0);
  }

  private static byte[] key(String key, String keyType) {
    String type = keyType == null ? "text" : keyType.trim().toLowerCase(Locale.ROOT);
    if (!type.equals("text") && !type.equals("binary")) {
      throw ErrorCode.BAD_REQUEST.toException("Unsupported keyType '" + keyType + "': use text or binary.");
    }
    if (key == null) {
      return null;
    }
    if (type.equals("text")) {
      return key.getBytes(StandardCharsets.UTF_8);
    }
    return hex(key, "The key (keyType=binary)");
  }

  private static List<RecordHeader> headers(String spec) {
    List<RecordHeader> headers = new ArrayList<>();
    if (spec == null || spec.isEmpty()) {
      return headers;
    }
    for (String pair : spec.split(",", -1)) {
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw ErrorCode.BAD_REQUEST.toException("Each header must be name:hexvalue; '" + pair + "' is not.");
      }
      String name = pair.substring(0, colon);
      headers.add(new RecordHeader(name, hex(pair.substring(colon + 1), "The value of header '" + name + "'")));
    }
    return headers;
  }

  private static byte[] hex(String text, String what) {
    try {
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      throw ErrorCode.BAD_REQUEST.toException(what + " is not valid hex (base16): use pairs of 0-9, a-f.");
    }
  }

  private static void requireJson(Buffer body) {
    if (JsonStreams.isOneValue(body)) {
      // Checked without building the message's JSON tree; anything else is decided by the tree reading below.
      return;
    }
    try {
      Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ErrorCode.BAD_REQUEST.toException("The message is not valid JSON, as Content-Type application/json"
          + " requires.");
    }
  }
}
