package io.tributary.formats.registry.convert;

import io.tributary.core.bus.FormatOps;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.EncodeRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Answers {@link FormatOps#ENCODE} and {@link FormatOps#DECODE}. Deployed as a worker verticle (several
 * instances share one {@link FormatEngine} and its caches), so that schema parsing and serialization never run on an
 * event loop.
 */
public final class FormatWorkerVerticle extends VerticleBase {
  private final FormatEngine engine;

  public FormatWorkerVerticle(FormatEngine engine) {
    this.engine = engine;
  }

  @Override
  public Future<?> start() {
    FormatOps.ENCODE.serve(vertx, (EncodeRequest r) -> engine.encode(r),
        FormatWorkerVerticle::known);
    FormatOps.DECODE.serve(vertx, (DecodeRequest r) -> engine.decode(r),
        FormatWorkerVerticle::known);
    return Future.succeededFuture();
  }

  /** The engine translates its failures; anything else is a bug and becomes a plain 500 on the way. */
  private static Throwable known(Throwable error) {
    return error instanceof TributaryException ? error : FormatFailures.produce(error);
  }
}
