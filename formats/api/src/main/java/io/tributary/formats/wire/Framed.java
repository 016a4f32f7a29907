package io.tributary.formats.wire;

/**
 * A record value split into the schema it names and the format payload. The payload is always what would follow
 * the 4-byte id in prefix framing: for Protobuf it starts with the message-index array, for Avro and JSON Schema it
 * is the encoded datum itself.
 */
public record Framed(SchemaRef schema, byte[] payload) {}
