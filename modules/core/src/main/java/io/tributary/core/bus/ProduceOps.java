package io.tributary.core.bus;

import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;

/** The produce engine's operations. */
public final class ProduceOps {
  private ProduceOps() {}

  /** Validates and writes a batch of records; one receipt per record. */
  public static final BusOperation<ProduceRequest, ProduceResult> SEND =
      BusOperation.of("tributary.produce.send", ProduceRequest.class, ProduceResult.class);
}
