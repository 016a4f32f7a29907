package io.tributary.core.format;

import io.tributary.core.auth.Principal;
import io.tributary.core.bus.BusMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encode JSON values from a request into Confluent wire-format bytes ({@code tributary.format.encode}). The schema
 * is resolved once for all values; every value is encoded with it (a JSON null too: a caller that wants a Kafka
 * tombstone for a null leaves that value out). The reply is {@link EncodeResult}; a failure carries 42203 (data does
 * not fit the schema), 42205 (invalid schema), 400 (a schema spec that cannot work), 42207 (the registry refused),
 * 40301 (the registry denied access) or 50303 (the registry is unreachable).
 *
 * @param format the embedded format the request declared, or null to take it from the registry's schema type (v3
 *     records without {@code type})
 * @param values JSON values ({@code JsonObject}, {@code JsonArray}, {@code String}, {@code Number},
 *     {@code Boolean}, null, or a {@link JsonText} standing for one); never mutated after sending
 * @param principal who the request produces for: registering a new schema needs {@code schema-write} on its
 *     subject (40301 otherwise, and nothing is registered)
 */
public record EncodeRequest(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec schema,
    List<Object> values, Principal principal) implements BusMessage {

  public EncodeRequest {
    values = Collections.unmodifiableList(new ArrayList<>(values));
    principal = principal == null ? Principal.ANONYMOUS : principal;
  }

  /** A request that acts for no one in particular (authentication off, or the server's own use). */
  public EncodeRequest(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec schema, List<Object> values) {
    this(topic, part, format, schema, values, Principal.ANONYMOUS);
  }
}
