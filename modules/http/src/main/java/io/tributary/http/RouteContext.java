package io.tributary.http;

import io.tributary.core.config.TributaryConfig;
import io.vertx.core.Vertx;

/** What routes need from their surroundings: the bus to the engines, the configuration and URL building. */
public record RouteContext(Vertx vertx, Bus bus, TributaryConfig config, BaseUris baseUris) {}
