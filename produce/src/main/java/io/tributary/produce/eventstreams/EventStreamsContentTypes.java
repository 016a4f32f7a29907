package io.tributary.produce.eventstreams;

import io.tributary.core.error.ErrorCode;
import java.util.Locale;
import java.util.Map;

/**
 * The request Content-Types the REST producer takes. Every one stores the body unchanged; JSON types additionally
 * require the body to be valid JSON. The {@code vnd.ibm-event-streams.*.v1} synonyms are accepted with and without
 * the {@code application/} prefix, because IBM's documentation prints them without it.
 */
final class EventStreamsContentTypes {
  /** Whether a body of this type must parse as JSON. */
  enum Kind { RAW, JSON }

  private static final Map<String, Kind> TYPES = Map.ofEntries(
      Map.entry("text/plain", Kind.RAW),
      Map.entry("application/octet-stream", Kind.RAW),
      Map.entry("text/xml", Kind.RAW),
      Map.entry("application/xml", Kind.RAW),
      Map.entry("application/json", Kind.JSON),
      Map.entry("vnd.ibm-event-streams.json.v1", Kind.JSON),
      Map.entry("application/vnd.ibm-event-streams.json.v1", Kind.JSON),
      Map.entry("vnd.ibm-event-streams.binary.v1", Kind.RAW),
      Map.entry("application/vnd.ibm-event-streams.binary.v1", Kind.RAW),
      Map.entry("vnd.ibm-event-streams.text.v1", Kind.RAW),
      Map.entry("application/vnd.ibm-event-streams.text.v1", Kind.RAW));

  private EventStreamsContentTypes() {}

  /** The kind of body the Content-Type announces; 415 for any other type, or none. */
  static Kind of(String contentType) {
    String essence = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    Kind kind = TYPES.get(essence);
    if (kind == null) {
      throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.toException("Unsupported content type"
          + (essence.isEmpty() ? "" : " " + essence) + ": use text/plain, application/json, application/octet-stream,"
          + " text/xml or application/xml.");
    }
    return kind;
  }
}
