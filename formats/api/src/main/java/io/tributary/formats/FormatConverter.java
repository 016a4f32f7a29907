package io.tributary.formats;

import io.tributary.core.bus.FormatOps;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.vertx.core.Future;

/**
 * The schema-format converters as routes reach them. Avro, JSON Schema and Protobuf are converted by worker
 * verticles on {@link FormatOps#ENCODE} and {@link FormatOps#DECODE}, never on an event loop, so a route
 * holds one of these instead of a codec. Failures arrive as {@link io.tributary.core.error.TributaryException}s with
 * the converters' codes (see {@link EncodeRequest} and {@link DecodeRequest}).
 */
public interface FormatConverter {
  Future<EncodeResult> encode(EncodeRequest request);

  Future<DecodeResult> decode(DecodeRequest request);

  /** A route's bus client, given as a method reference: {@code FormatConverter.over(deps.bus()::request)}. */
  @FunctionalInterface
  interface BusRequests {
    <Q extends BusMessage, R extends BusMessage> Future<R> request(BusOperation<Q, R> operation, Q message);
  }

  /** The converters over the event bus. */
  static FormatConverter over(BusRequests bus) {
    return new FormatConverter() {
      @Override
      public Future<EncodeResult> encode(EncodeRequest request) {
        return bus.request(FormatOps.ENCODE, request);
      }

      @Override
      public Future<DecodeResult> decode(DecodeRequest request) {
        return bus.request(FormatOps.DECODE, request);
      }
    };
  }
}
