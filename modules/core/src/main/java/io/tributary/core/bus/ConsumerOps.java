package io.tributary.core.bus;

import io.tributary.core.consumer.Assign;
import io.tributary.core.consumer.Assignment;
import io.tributary.core.consumer.CommitOffsets;
import io.tributary.core.consumer.CommitResult;
import io.tributary.core.consumer.CommittedOffsets;
import io.tributary.core.consumer.ConfirmDelivery;
import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.DeleteConsumer;
import io.tributary.core.consumer.FetchPartition;
import io.tributary.core.consumer.ForwardedRead;
import io.tributary.core.consumer.GetAssignment;
import io.tributary.core.consumer.GetCommittedOffsets;
import io.tributary.core.consumer.GetSubscription;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.consumer.Seek;
import io.tributary.core.consumer.SeekToEdge;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Subscription;
import io.tributary.core.consumer.Unsubscribe;

/** The consumer engine's operations: consumer instances (v1, v2) and simple partition reads (v1). */
public final class ConsumerOps {
  private ConsumerOps() {}

  public static final BusOperation<CreateConsumer, ConsumerCreated> CREATE =
      BusOperation.of("tributary.consumer.create", CreateConsumer.class, ConsumerCreated.class);
  public static final BusOperation<DeleteConsumer, Ack> DELETE =
      BusOperation.of("tributary.consumer.delete", DeleteConsumer.class, Ack.class);
  /** A long poll: routes send it with the bus timeout plus the longest wait a read may ask for. */
  public static final BusOperation<ReadRecords, RenderedRead> READ =
      BusOperation.of("tributary.consumer.poll", ReadRecords.class, RenderedRead.class);
  /**
   * A read answered with its records, not rendered: what a node sends to the node holding the instance (cluster
   * mode). The records cross the wire in fewer bytes than their JSON answer, and the forwarding node renders them.
   */
  public static final BusOperation<ForwardedRead, ReadResult> READ_UNRENDERED =
      BusOperation.of("tributary.consumer.poll-unrendered", ForwardedRead.class, ReadResult.class);
  /** The forwarding node received a forwarded read's records: the instance's node stops holding them. */
  public static final BusOperation<ConfirmDelivery, Ack> CONFIRM_DELIVERY =
      BusOperation.of("tributary.consumer.confirm-delivery", ConfirmDelivery.class, Ack.class);
  public static final BusOperation<CommitOffsets, CommitResult> COMMIT =
      BusOperation.of("tributary.consumer.commit", CommitOffsets.class, CommitResult.class);
  /** Hands back records a response could not deliver. */
  public static final BusOperation<RequeueRecords, Ack> REQUEUE =
      BusOperation.of("tributary.consumer.requeue", RequeueRecords.class, Ack.class);
  public static final BusOperation<FetchPartition, ReadResult> FETCH_PARTITION =
      BusOperation.of("tributary.consumer.fetch-partition", FetchPartition.class, ReadResult.class);
  public static final BusOperation<Subscribe, Ack> SUBSCRIBE =
      BusOperation.of("tributary.consumer.subscribe", Subscribe.class, Ack.class);
  public static final BusOperation<GetSubscription, Subscription> SUBSCRIPTION =
      BusOperation.of("tributary.consumer.subscription", GetSubscription.class, Subscription.class);
  public static final BusOperation<Unsubscribe, Ack> UNSUBSCRIBE =
      BusOperation.of("tributary.consumer.unsubscribe", Unsubscribe.class, Ack.class);
  public static final BusOperation<Assign, Ack> ASSIGN =
      BusOperation.of("tributary.consumer.assign", Assign.class, Ack.class);
  public static final BusOperation<GetAssignment, Assignment> ASSIGNMENT =
      BusOperation.of("tributary.consumer.assignment", GetAssignment.class, Assignment.class);
  public static final BusOperation<Seek, Ack> SEEK =
      BusOperation.of("tributary.consumer.seek", Seek.class, Ack.class);
  public static final BusOperation<SeekToEdge, Ack> SEEK_EDGE =
      BusOperation.of("tributary.consumer.seek-edge", SeekToEdge.class, Ack.class);
  public static final BusOperation<GetCommittedOffsets, CommittedOffsets> COMMITTED =
      BusOperation.of("tributary.consumer.committed", GetCommittedOffsets.class, CommittedOffsets.class);
}
