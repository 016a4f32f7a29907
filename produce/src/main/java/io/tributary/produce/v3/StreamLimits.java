package io.tributary.produce.v3;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;

/**
 * The limits of one streaming produce connection.
 *
 * @param maxRecordBytes the largest record: {@code api.v3.produce.request.size.limit.max.bytes}, or when that is
 *     off (0) {@code request.body.max.bytes}, so that a record that never ends cannot fill the memory
 * @param maxInFlight records awaiting Kafka (or awaiting earlier receipts) before reading pauses
 * @param idleMs how long the stream may stay silent (no record arriving, no receipt due) before it is ended:
 *     {@code idle.timeout.ms}, 0 = no limit
 * @param shutdownGraceMs how long the stream may go on once the server begins to shut down:
 *     {@code shutdown.graceful.ms}
 * @param recordBoundByBody whether {@code maxRecordBytes} is the body limit: a record over it then gets 413, as an
 *     over-long body does; over kafka-rest's own size limit it gets kafka-rest's 400
 */
record StreamLimits(long maxRecordBytes, long maxDurationMs, long gracePeriodMs, int maxInFlight, long idleMs,
    long shutdownGraceMs, boolean recordBoundByBody) {

  static StreamLimits from(TributaryConfig config) {
    long sizeLimit = config.get(ConfigKeys.API_V3_PRODUCE_REQUEST_SIZE_LIMIT_MAX_BYTES);
    return new StreamLimits(sizeLimit > 0 ? sizeLimit : config.get(ConfigKeys.REQUEST_BODY_MAX_BYTES),
        config.get(ConfigKeys.STREAMING_CONNECTION_MAX_DURATION_MS),
        config.get(ConfigKeys.STREAMING_CONNECTION_MAX_DURATION_GRACE_PERIOD_MS),
        config.get(ConfigKeys.API_V3_PRODUCE_STREAMING_MAX_IN_FLIGHT),
        config.get(ConfigKeys.IDLE_TIMEOUT_MS), config.get(ConfigKeys.SHUTDOWN_GRACEFUL_MS), sizeLimit <= 0);
  }
}
