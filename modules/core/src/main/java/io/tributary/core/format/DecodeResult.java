package io.tributary.core.format;

import io.tributary.core.bus.BusMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The decoded values, in request order. */
public record DecodeResult(List<DecodedValue> values) implements BusMessage {
  public DecodeResult {
    values = Collections.unmodifiableList(new ArrayList<>(values));
  }

  /**
   * One decoded value: its JSON ({@code JsonObject}, {@code JsonArray}, {@code String}, {@code Number},
   * {@code Boolean} or null) and the id of the schema it was written with (null for a null value).
   */
  public record DecodedValue(Object json, Integer schemaId) {}
}
