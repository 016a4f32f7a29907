package io.tributary.consumer;

import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** STUB: being written. */
public final class ConsumerEngineVerticle extends VerticleBase {
  private final TributaryConfig config;

  public ConsumerEngineVerticle(TributaryConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
