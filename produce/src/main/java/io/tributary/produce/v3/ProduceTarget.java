package io.tributary.produce.v3;

import io.tributary.core.auth.Principal;
import io.vertx.core.Future;

/**
 * Where a v3 produce request writes: the topic, the {@code cluster_id} of its path (which keys the per-cluster
 * rate limits) and the real cluster id that receipts report.
 */
record ProduceTarget(String topic, String pathClusterId, Future<String> clusterId, Principal principal) {}
