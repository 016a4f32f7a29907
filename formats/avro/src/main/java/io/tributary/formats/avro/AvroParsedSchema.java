package io.tributary.formats.avro;

import io.tributary.formats.schema.CanonicalSchema;
import io.tributary.formats.schema.SchemaType;
import java.util.Optional;
import org.apache.avro.Schema;

/** A parsed Avro schema; the canonical text is Avro's compact {@code Schema.toString()}, as the registry stores it. */
public final class AvroParsedSchema extends CanonicalSchema {
  private final Schema schema;
  private final AvroDatumCodecs codecs;

  AvroParsedSchema(Schema schema) {
    this(schema, schema.toString());
  }

  /** A schema whose canonical text leaves types of its references by name (not inlined). */
  AvroParsedSchema(Schema schema, String canonical) {
    super(canonical);
    this.schema = schema;
    this.codecs = new AvroDatumCodecs(schema);
  }

  /** The reusable JSON reader and binary writer of this schema (parsed schemas are cached per id). */
  AvroDatumCodecs codecs() {
    return codecs;
  }

  /** The Avro schema object. */
  public Schema avroSchema() {
    return schema;
  }

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }


  /** The full name ({@code namespace.Name}) when the schema is a record; the record strategies need a record. */
  @Override
  public Optional<String> recordName() {
    return schema.getType() == Schema.Type.RECORD ? Optional.of(schema.getFullName()) : Optional.empty();
  }

}
