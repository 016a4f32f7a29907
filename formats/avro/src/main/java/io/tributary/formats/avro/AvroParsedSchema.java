package io.tributary.formats.avro;

import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaType;
import java.util.Optional;
import org.apache.avro.Schema;

/** A parsed Avro schema; the canonical text is Avro's compact {@code Schema.toString()}, as the registry stores it. */
public final class AvroParsedSchema implements ParsedSchema {
  private final Schema schema;
  private final String canonical;

  AvroParsedSchema(Schema schema) {
    this.schema = schema;
    this.canonical = schema.toString();
  }

  /** The Avro schema object. */
  public Schema avroSchema() {
    return schema;
  }

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public String canonical() {
    return canonical;
  }

  /** The full name ({@code namespace.Name}) when the schema is a record; the record strategies need a record. */
  @Override
  public Optional<String> recordName() {
    return schema.getType() == Schema.Type.RECORD ? Optional.of(schema.getFullName()) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AvroParsedSchema other && canonical.equals(other.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }
}
