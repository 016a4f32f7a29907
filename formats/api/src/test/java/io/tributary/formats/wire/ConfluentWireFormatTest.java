package io.tributary.formats.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.MalformedRecordException;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void framesWithMagicZeroAndABigEndianId() {
    byte[] payload = HEX.parseHex("7b2261223a357d");
    assertThat(HEX.formatHex(ConfluentWireFormat.frame(2, payload))).isEqualTo("00000000027b2261223a357d");
    assertThat(HEX.formatHex(ConfluentWireFormat.frame(0x01020304, new byte[0]))).isEqualTo("0001020304");
    assertThat(HEX.formatHex(ConfluentWireFormat.frame(-1, new byte[] {9}))).isEqualTo("00ffffffff09");
  }

  @Test
  void unframesTheIdAndPayload() {
    Framed framed = ConfluentWireFormat.unframe(HEX.parseHex("00000000010468690202"));
    assertThat(framed.schema()).isEqualTo(new SchemaRef.Id(1));
    assertThat(HEX.formatHex(framed.payload())).isEqualTo("0468690202");
    assertThat(ConfluentWireFormat.unframe(HEX.parseHex("0000000100")).schema()).isEqualTo(new SchemaRef.Id(256));
    assertThat(ConfluentWireFormat.unframe(HEX.parseHex("0000000007")).payload()).isEmpty();
  }

  @Test
  void rejectsShortValuesAndForeignMagicBytes() {
    assertThatThrownBy(() -> ConfluentWireFormat.unframe(HEX.parseHex("00000001")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("4 bytes is too short");
    assertThatThrownBy(() -> ConfluentWireFormat.unframe(new byte[0])).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> ConfluentWireFormat.unframe(null)).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> ConfluentWireFormat.unframe("{\"a\":5}".getBytes()))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("magic byte 123");
  }

  @Test
  void readsTheHeaderIdInsteadOfThePrefixWhenPresent() {
    // Header framing: 00 + int id + protobuf indexes [1]; the value is the raw message.
    Framed framed = ConfluentWireFormat.read(HEX.parseHex("0801"), HEX.parseHex("00000000050202"));
    assertThat(framed.schema()).isEqualTo(new SchemaRef.Id(5));
    assertThat(HEX.formatHex(framed.payload())).isEqualTo("02020801");

    Framed prefix = ConfluentWireFormat.read(HEX.parseHex("0000000005000801"), null);
    assertThat(prefix.schema()).isEqualTo(new SchemaRef.Id(5));
    assertThat(HEX.formatHex(prefix.payload())).isEqualTo("000801");
  }

  @Test
  void parsesGuidHeaders() {
    UUID guid = UUID.fromString("01234567-89ab-cdef-0011-223344556677");
    SchemaIdHeader.Parsed parsed = SchemaIdHeader.parse(HEX.parseHex("010123456789abcdef0011223344556677"));
    assertThat(parsed.schema()).isEqualTo(new SchemaRef.Guid(guid));
    assertThat(parsed.messageIndexes()).isEmpty();
    assertThat(SchemaIdHeader.name(true)).isEqualTo("__key_schema_id");
    assertThat(SchemaIdHeader.name(false)).isEqualTo("__value_schema_id");
  }

  @Test
  void rejectsMalformedHeaders() {
    assertThatThrownBy(() -> SchemaIdHeader.parse(new byte[0])).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> SchemaIdHeader.parse(HEX.parseHex("01aabb")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("GUID");
    assertThatThrownBy(() -> SchemaIdHeader.parse(HEX.parseHex("000001")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> SchemaIdHeader.parse(HEX.parseHex("0200000001")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("magic byte 2");
  }
}
