package io.tributary.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.RecordPart;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.eventbus.impl.CodecManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire form's own rules; every operation's types are round-tripped in the server's BusContractTest. */
class BusWireCodecTest {
  @Test
  void aRecordWithBytesNullsAndASecondConstructorRoundTrips() {
    ProduceRequest request = new ProduceRequest("t", List.of(
        new OutgoingRecord(new byte[] {1, 2}, null, 3, List.of(new RecordHeader("h", new byte[] {9})), 42L),
        OutgoingRecord.of(null, new byte[] {0}, null)), true, true,
        new ProduceOrigin(ProduceGeneration.V3, ProduceFormat.JSON));

    ProduceRequest back = roundTrip(ProduceRequest.class, request);

    assertThat(back).usingRecursiveComparison().isEqualTo(request);
  }

  @Test
  void jsonValuesHeldAsObjectsComeBackAsVertxJson() {
    DecodeResult result = new DecodeResult(List.of(
        new DecodeResult.DecodedValue(new JsonObject().put("a", 1).put("b", new JsonArray().add("x")), 7),
        new DecodeResult.DecodedValue("text", 8), new DecodeResult.DecodedValue(null, null)));
    EncodeRequest request = new EncodeRequest("t", RecordPart.VALUE, EmbeddedFormat.AVRO, null,
        Arrays.asList(new JsonObject().put("f", "hi"), 5, null));

    assertThat(roundTrip(DecodeResult.class, result)).isEqualTo(result);
    assertThat(roundTrip(EncodeRequest.class, request)).isEqualTo(request);
  }

  @Test
  void aPeerSpeakingAnotherVersionIsRefusedNotMisread() {
    BusWireCodec<Ack> codec = new BusWireCodec<>(Ack.class);
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, Ack.INSTANCE);
    wire.setByte(0, (byte) (BusWireCodec.WIRE_VERSION + 1));

    assertThatThrownBy(() -> codec.decodeFromWire(0, wire)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wire version " + (BusWireCodec.WIRE_VERSION + 1));
  }

  @Test
  void aFailureCrossesTheWireWithItsErrorCode() {
    TributaryException sent = ErrorCode.PARTITION_NOT_FOUND.toException();
    ReplyException failure = new ReplyException(ReplyFailure.RECIPIENT_FAILURE, sent.code(), sent.getMessage());
    Buffer wire = Buffer.buffer();
    CodecManager.REPLY_EXCEPTION_MESSAGE_CODEC.encodeToWire(wire, failure);

    TributaryException received = BusFailures.fromReply(
        CodecManager.REPLY_EXCEPTION_MESSAGE_CODEC.decodeFromWire(0, wire));

    assertThat(received.errorCode()).isEqualTo(ErrorCode.PARTITION_NOT_FOUND);
    assertThat(received.code()).isEqualTo(sent.code());
    assertThat(received).hasMessage(sent.getMessage());
  }

  private static <T> T roundTrip(Class<T> type, T message) {
    BusWireCodec<T> codec = new BusWireCodec<>(type);
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, message);
    return codec.decodeFromWire("prefix".length(), wire);
  }
}
