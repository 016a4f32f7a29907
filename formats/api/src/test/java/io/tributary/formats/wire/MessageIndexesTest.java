package io.tributary.formats.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.formats.MalformedRecordException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageIndexesTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "0; 00",
      "1; 0202",
      "1,0; 040200",
      "2,3; 040406",
      "0,0; 040000",
      "64; 028001"})
  void encodesPathsAsZigZagVarintsWithTheSingleByteShortcutForTheFirstMessage(String path, String hex) {
    List<Integer> indexes = parse(path);
    assertThat(HEX.formatHex(MessageIndexes.encode(indexes))).isEqualTo(hex);
    byte[] payload = HEX.parseHex(hex + "ff");
    MessageIndexes.Decoded decoded = MessageIndexes.decode(payload);
    assertThat(decoded.path()).isEqualTo(indexes);
    assertThat(decoded.length()).isEqualTo(hex.length() / 2);
  }

  @Test
  void aCountOfZeroMeansTheFirstMessage() {
    assertThat(MessageIndexes.decode(new byte[] {0, 0x08, 0x01}).path()).containsExactly(0);
  }

  @Test
  void rejectsANegativeCountSuchAsAPayloadWithoutIndexes() {
    // 0x09 is a protobuf tag (field 1, fixed64) and decodes as -5: a payload written without indexes.
    assertThatThrownBy(() -> MessageIndexes.decode(HEX.parseHex("0901")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("-5");
  }

  @Test
  void rejectsTruncatedAndOverlongArrays() {
    assertThatThrownBy(() -> MessageIndexes.decode(new byte[0])).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> MessageIndexes.decode(HEX.parseHex("0402")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> MessageIndexes.decode(HEX.parseHex("060202")))
        .isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(() -> MessageIndexes.decode(HEX.parseHex("8080808080")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("longer");
    assertThatThrownBy(() -> MessageIndexes.decode(HEX.parseHex("0201")))
        .isInstanceOf(MalformedRecordException.class).hasMessageContaining("Negative message index");
  }

  @Test
  void refusesToEncodeEmptyOrNegativePaths() {
    assertThatThrownBy(() -> MessageIndexes.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageIndexes.encode(List.of(1, -1))).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> parse(String path) {
    return java.util.Arrays.stream(path.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
