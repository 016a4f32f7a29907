package io.tributary.core.bus;

import io.tributary.core.consumer.ReadResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The wire form of {@link ReadResult}: a read's records as bytes ({@link ConsumedRecordsWire}). It is what crosses
 * the wire when a node forwards a read to the node that holds the consumer instance (cluster mode), so it is kept as
 * small as the records themselves: the version byte, the delivery id, then the records. Inside one JVM a result
 * passes by reference.
 */
final class ReadResultWireCodec implements MessageCodec<ReadResult, ReadResult> {
  @Override
  public void encodeToWire(Buffer buffer, ReadResult result) {
    ConsumedRecordsWire.appendVersion(buffer);
    buffer.appendLong(result.delivery());
    ConsumedRecordsWire.appendRecords(buffer, result.records());
  }

  @Override
  public ReadResult decodeFromWire(int pos, Buffer buffer) {
    ConsumedRecordsWire.Reader reader = new ConsumedRecordsWire.Reader(buffer, pos, ReadResult.class);
    long delivery = reader.readLong();
    return new ReadResult(reader.readRecords(), delivery);
  }

  @Override
  public ReadResult transform(ReadResult result) {
    return result;
  }

  @Override
  public String name() {
    return "tributary.bus/" + ReadResult.class.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
