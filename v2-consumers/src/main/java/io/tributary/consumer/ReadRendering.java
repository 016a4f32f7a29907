package io.tributary.consumer;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.formats.ConsumedRecordsDecoder;
import io.tributary.formats.ConsumedRecordsDecoder.DecodedRecord;
import io.tributary.formats.FormatConverter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the records of a read into its JSON answer inside the engine, so that a read is one round trip from the
 * route: binary and json are decoded and written on a pool thread, the schema formats are decoded by the format
 * converters (one call for the keys and one for the values) and then written on a pool thread. Never on an event
 * loop. A record that does not fit the instance's format does not fail the operation: the answer carries the
 * failure, so that the route still makes its own checks first and then hands the records back.
 */
final class ReadRendering {
  private static final Logger LOG = LoggerFactory.getLogger(ReadRendering.class);

  private final Context context;
  private final Executor pool;
  private final FormatConverter converter;

  ReadRendering(Context context, Executor pool, FormatConverter converter) {
    this.context = context;
    this.pool = pool;
    this.converter = converter;
  }

  Future<RenderedRead> render(List<ConsumedRecord> records, EmbeddedFormat format, RecordLayout layout) {
    if (format == EmbeddedFormat.BINARY) {
      // Base64 of any bytes: nothing can fail, and no decoded copy is made.
      return Offload.call(context, pool, () -> written(records, RecordsJsonWriter.BINARY, layout));
    }
    if (format == EmbeddedFormat.JSON) {
      // The built-in codec answers at once; parsing every record is work for the pool thread too.
      return Offload.call(context, pool, () -> written(records,
          ConsumedRecordsDecoder.decode(records, format, converter), layout));
    }
    return ConsumedRecordsDecoder.decode(records, format, converter).transform(decoded -> decoded.succeeded()
        ? Offload.call(context, pool, () -> written(records, decoded, layout))
        : Future.succeededFuture(written(records, decoded, layout)));
  }

  private static RenderedRead written(List<ConsumedRecord> records, AsyncResult<List<DecodedRecord>> decoded,
      RecordLayout layout) {
    if (decoded.failed()) {
      return RenderedRead.failed(records, asTributary(decoded.cause()));
    }
    List<Object> keys = new ArrayList<>(records.size());
    List<Object> values = new ArrayList<>(records.size());
    for (DecodedRecord d : decoded.result()) {
      keys.add(d.key());
      values.add(d.value());
    }
    return written(records, RecordsJsonWriter.decoded(keys, values), layout);
  }

  /** A failure while writing also travels in the answer, so that the route hands the records back. */
  private static RenderedRead written(List<ConsumedRecord> records, RecordsJsonWriter.Parts parts,
      RecordLayout layout) {
    try {
      return new RenderedRead(records, RecordsJsonWriter.write(records, parts, layout), null);
    } catch (RuntimeException e) {
      return RenderedRead.failed(records, asTributary(e));
    }
  }

  private static TributaryException asTributary(Throwable error) {
    if (error instanceof TributaryException e) {
      return e;
    }
    LOG.error("Unexpected failure decoding consumed records", error);
    return ErrorCode.INTERNAL.toException();
  }
}
