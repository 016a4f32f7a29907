package io.tributary.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte forms of the two messages that carry a read's records between nodes. */
class ReadWireCodecsTest {
  private final MessageCodec<RenderedRead, RenderedRead> codec = BusWireCodec.of(RenderedRead.class);
  private final MessageCodec<ReadResult, ReadResult> resultCodec = BusWireCodec.of(ReadResult.class);
  private static final List<ConsumedRecord> RECORDS = List.of(
      new ConsumedRecord("a", 0, 7, null, new byte[] {1, 2, 3}, 100, List.of()),
      new ConsumedRecord("a", 1, 8, new byte[0], null, 101,
          List.of(new RecordHeader("h", new byte[] {9}), new RecordHeader("ü", null))),
      new ConsumedRecord("b", 0, 0, new byte[] {4}, new byte[] {5}, -1, List.of()),
      new ConsumedRecord("a", 2, Long.MAX_VALUE, null, null, 0, List.of()));

  @Test
  void readsAreCarriedAsBytesNotAsJson() {
    assertThat(codec).isInstanceOf(RenderedReadWireCodec.class);
    assertThat(resultCodec).isInstanceOf(ReadResultWireCodec.class);
  }

  @Test
  void theRecordsOfAForwardedReadRoundTripWithTopicsNullsAndHeadersAndTheirDeliveryId() {
    Buffer wire = Buffer.buffer().appendString("prefix");
    resultCodec.encodeToWire(wire, new ReadResult(RECORDS, 42L));

    ReadResult back = resultCodec.decodeFromWire("prefix".length(), wire);

    assertThat(back.records()).usingRecursiveFieldByFieldElementComparator().isEqualTo(RECORDS);
    assertThat(back.delivery()).isEqualTo(42L);
  }

  @Test
  void aMessageIsReadInPlaceFromASliceOfALargerBufferAndItsRecordsOwnTheirBytes() {
    // The bus hands a received message over as part of what arrived; the reader must start at the slice's bytes.
    Buffer arrived = Buffer.buffer().appendString("before");
    resultCodec.encodeToWire(arrived.appendString("prefix"), new ReadResult(RECORDS, 7L));
    Buffer message = arrived.slice("before".length(), arrived.length());

    ReadResult back = resultCodec.decodeFromWire("prefix".length(), message);
    arrived.setBytes(0, new byte[arrived.length()]);

    assertThat(back.records()).usingRecursiveFieldByFieldElementComparator().isEqualTo(RECORDS);
    assertThat(back.delivery()).isEqualTo(7L);
  }

  @Test
  void recordsOfSeveralTopicsWithNullsAndHeadersAndTheBodyChunksRoundTrip() {
    RenderedRead read = new RenderedRead(RECORDS, List.of(Buffer.buffer("[{\"a\":1},"), Buffer.buffer(""), Buffer.buffer("{\"b\":\"é\"}]")), null);

    RenderedRead back = roundTrip(read);

    assertThat(back).usingRecursiveComparison().withEqualsForType(Buffer::equals, Buffer.class).isEqualTo(read);
    assertThat(back.bodyBytes()).isEqualTo(read.bodyBytes());
  }

  @Test
  void aFailureKeepsItsCodeAndMessage() {
    TributaryException failure = new TributaryException(ErrorCode.byCode(50002), 50002, "cannot render");
    RenderedRead read = RenderedRead.failed(
        List.of(new ConsumedRecord("t", 0, 1, null, new byte[] {1}, 2, List.of())), failure);

    RenderedRead back = roundTrip(read);

    assertThat(back.failure().code()).isEqualTo(50002);
    assertThat(back.failure().errorCode()).isEqualTo(failure.errorCode());
    assertThat(back.failure()).hasMessage("cannot render");
    assertThat(back.records()).usingRecursiveFieldByFieldElementComparator().isEqualTo(read.records());
    assertThat(back.body()).isEmpty();
  }

  @Test
  void aPeerSpeakingAnotherVersionIsRefusedNotMisread() {
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, new RenderedRead(List.of(), List.of(), null));
    wire.setByte(0, (byte) (BusWireCodec.WIRE_VERSION + 1));
    Buffer resultWire = Buffer.buffer();
    resultCodec.encodeToWire(resultWire, new ReadResult(RECORDS));
    resultWire.setByte(0, (byte) (BusWireCodec.WIRE_VERSION - 1));

    assertThatThrownBy(() -> codec.decodeFromWire(0, wire)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wire version " + (BusWireCodec.WIRE_VERSION + 1));
    assertThatThrownBy(() -> resultCodec.decodeFromWire(0, resultWire)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ReadResult in bus wire version " + (BusWireCodec.WIRE_VERSION - 1));
  }

  private RenderedRead roundTrip(RenderedRead read) {
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, read);
    return codec.decodeFromWire("prefix".length(), wire);
  }
}
