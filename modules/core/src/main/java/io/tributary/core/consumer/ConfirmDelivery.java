package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;

/**
 * Sent by the node that forwarded a read, to the instance's node, once the records of {@link ReadResult#delivery}
 * arrived: that node stops holding them. From then on, records the forwarding node fails to deliver go back with
 * {@link RequeueRecords}, as on a single node. The reply is an Ack.
 */
public record ConfirmDelivery(ConsumerRef ref, long delivery) implements BusMessage {}
