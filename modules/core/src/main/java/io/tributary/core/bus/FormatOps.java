package io.tributary.core.bus;

import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;

/** The schema-format converters' operations (worker verticles; routes reach them through FormatConverter). */
public final class FormatOps {
  private FormatOps() {}

  public static final BusOperation<EncodeRequest, EncodeResult> ENCODE =
      BusOperation.of("tributary.format.encode", EncodeRequest.class, EncodeResult.class);
  public static final BusOperation<DecodeRequest, DecodeResult> DECODE =
      BusOperation.of("tributary.format.decode", DecodeRequest.class, DecodeResult.class);
}
