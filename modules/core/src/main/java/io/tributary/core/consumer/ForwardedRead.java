package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/**
 * A read that another node forwards to the node holding the instance (cluster mode). The reply is a
 * {@link ReadResult} with the records only; the instance's node holds them until {@code origin} confirms it received
 * them ({@link ConfirmDelivery}), and gives them back to the instance if that confirmation does not come (the reply
 * was lost, {@code origin} timed out or left the cluster), so a lost reply never skips records.
 *
 * @param origin the node that received the client's request and renders its answer
 */
public record ForwardedRead(ReadRecords read, String origin) implements BusMessage {}
