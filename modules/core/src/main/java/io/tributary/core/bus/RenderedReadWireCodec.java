package io.tributary.core.bus;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of {@link RenderedRead}: {@code [version][failure][records][body chunks]}, records and body as
 * bytes ({@link ConsumedRecordsWire}) rather than the generic JSON form's base64 text. Forwarded reads travel as
 * {@link io.tributary.core.consumer.ReadResult} (the records only), so this form is for completeness of the
 * contract; inside one JVM a read passes by reference.
 */
final class RenderedReadWireCodec implements MessageCodec<RenderedRead, RenderedRead> {
  @Override
  public void encodeToWire(Buffer buffer, RenderedRead read) {
    ConsumedRecordsWire.appendVersion(buffer);
    TributaryException failure = read.failure();
    if (failure == null) {
      buffer.appendByte((byte) 0);
    } else {
      buffer.appendByte((byte) 1).appendInt(failure.code());
      ConsumedRecordsWire.appendString(buffer, failure.getMessage());
    }
    ConsumedRecordsWire.appendRecords(buffer, read.records());
    List<Buffer> body = read.body();
    buffer.appendInt(body.size());
    for (Buffer chunk : body) {
      buffer.appendInt(chunk.length()).appendBuffer(chunk);
    }
  }

  @Override
  public RenderedRead decodeFromWire(int pos, Buffer buffer) {
    ConsumedRecordsWire.Reader in = new ConsumedRecordsWire.Reader(buffer, pos, RenderedRead.class);
    TributaryException failure = null;
    if (in.readByte() != 0) {
      int code = in.readInt();
      failure = new TributaryException(ErrorCode.byCode(code), code, in.readString());
    }
    List<ConsumedRecord> records = in.readRecords();
    int chunks = in.readInt();
    List<Buffer> body = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      body.add(in.readBuffer());
    }
    return new RenderedRead(records, body, failure);
  }

  @Override
  public RenderedRead transform(RenderedRead read) {
    return read;
  }

  @Override
  public String name() {
    return "tributary.bus/" + RenderedRead.class.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
