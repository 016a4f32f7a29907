package io.tributary.formats.wire;

import java.util.UUID;

/**
 * How a record names the schema it was written with: the registry's numeric id (prefix framing, magic 0) or a
 * schema GUID (the header framing of Schema Registry 8.x, magic 1).
 */
public sealed interface SchemaRef {
  /** A numeric registry id. */
  record Id(int value) implements SchemaRef {}

  /** A schema GUID; resolving it needs a registry that knows GUIDs. */
  record Guid(UUID value) implements SchemaRef {}
}
