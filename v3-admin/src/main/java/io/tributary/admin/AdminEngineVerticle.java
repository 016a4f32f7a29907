package io.tributary.admin;

import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** STUB: being written. */
public final class AdminEngineVerticle extends VerticleBase {
  private final TributaryConfig config;

  public AdminEngineVerticle(TributaryConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
