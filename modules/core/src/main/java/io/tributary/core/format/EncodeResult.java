package io.tributary.core.format;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * The encoded values, in request order, and the schema they were written with.
 *
 * @param subject the subject the schema was resolved under
 * @param schemaVersion its version in that subject
 */
public record EncodeResult(EmbeddedFormat format, int schemaId, String subject, int schemaVersion,
    List<byte[]> values) implements BusMessage {

  public EncodeResult {
    values = List.copyOf(values);
  }
}
