package io.tributary.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.core.consumer.ConfirmDelivery;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ForwardedRead;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RequeueRecords;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records of forwarded reads that left this node (the instance's) and that their forwarding node has not confirmed
 * yet ({@link ForwardedRead}, cluster mode). The records count as returned from the moment they leave, as on a single
 * node; if the reply never arrives (the forwarding node timed out, died or left the cluster), the records go back to
 * the instance as if that node had handed them back ({@link RequeueRecords}), so the next read returns them again
 * instead of skipping them: at-least-once, never a loss. Touched only on the engine's context.
 */
final class UnconfirmedDeliveries {
  private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedDeliveries.class);

  private record Held(ConsumerRef ref, String origin, List<ConsumedRecord> records, long timer) {}

  private final Vertx vertx;
  private final long confirmWithinMs;
  private final Predicate<String> isMember;
  private final Function<RequeueRecords, Future<?>> requeue;
  private final Map<Long, Held> held = new HashMap<>();
  private final Counter redelivered;
  private long lastId;

  /**
   * @param confirmWithinMs how long after a reply left its confirmation may come: at least as long as the forwarding
   *     node waits for the reply once the read is done (the bus timeout), so a reply that still counts is never given
   *     back as well
   * @param isMember whether a node is in the cluster: records for a node that is not are given back at once
   * @param requeue hands records back to their instance (the engine's own requeue)
   */
  UnconfirmedDeliveries(Vertx vertx, long confirmWithinMs, Predicate<String> isMember,
      Function<RequeueRecords, Future<?>> requeue, MeterRegistry meters) {
    this.vertx = vertx;
    this.confirmWithinMs = confirmWithinMs;
    this.isMember = isMember;
    this.requeue = requeue;
    this.redelivered = Counter.builder("tributary.consumer.forwarded.unconfirmed")
        .description("Records of forwarded reads whose forwarding node never confirmed them, given back to their "
            + "instance to be read again")
        .baseUnit("records")
        .register(meters);
    Gauge.builder("tributary.consumer.forwarded.held", held, Map::size)
        .description("Forwarded reads whose records wait for their forwarding node's confirmation")
        .register(meters);
  }

  /** The reply to {@code request}: its records, held until its origin confirms them (none held for no records). */
  ReadResult hold(ForwardedRead request, ReadResult result) {
    if (result.records().isEmpty()) {
      return result;
    }
    long id = ++lastId;
    ConsumerRef ref = request.read().ref();
    long timer = vertx.setTimer(confirmWithinMs, ignored -> expire(id));
    held.put(id, new Held(ref, request.origin(), result.records(), timer));
    if (!isMember.test(request.origin())) {
      // Its node left while the read ran: nobody will receive this reply.
      giveBack(id, "left the cluster");
    }
    return new ReadResult(result.records(), id);
  }

  /**
   * The forwarding node received the records: from here on it hands back what it fails to deliver. A confirmation
   * must name the instance too: ids restart with the engine, so a late one for an earlier engine's delivery could
   * otherwise release another instance's records.
   */
  void confirmed(ConfirmDelivery confirmation) {
    Held done = held.get(confirmation.delivery());
    if (done != null && done.ref().equals(confirmation.ref())) {
      held.remove(confirmation.delivery());
      vertx.cancelTimer(done.timer());
    }
  }

  /** {@code node} left the cluster: the replies it had not confirmed will not be delivered. */
  void originLeft(String node) {
    held.entrySet().stream().filter(e -> e.getValue().origin().equals(node)).map(Map.Entry::getKey).toList()
        .forEach(id -> giveBack(id, "left the cluster"));
  }

  /** The confirmation did not come in time. */
  void expire(long id) {
    giveBack(id, "did not confirm them within " + confirmWithinMs + " ms");
  }

  /** How many forwarded reads wait for their confirmation. */
  int held() {
    return held.size();
  }

  private void giveBack(long id, String why) {
    Held lost = held.remove(id);
    if (lost == null) {
      return;
    }
    vertx.cancelTimer(lost.timer());
    redelivered.increment(lost.records().size());
    LOG.warn("Consumer instance {}/{}: node {} {}; its {} records of a forwarded read go back to the instance and "
        + "are read again", lost.ref().group(), lost.ref().instance(), lost.origin(), why, lost.records().size());
    Future<?> handedBack;
    try {
      handedBack = requeue.apply(new RequeueRecords(lost.ref(), lost.records()));
    } catch (RuntimeException e) {
      handedBack = Future.failedFuture(e);
    }
    handedBack.onFailure(error ->
        // The instance is gone from here (deleted, expired, moved): its next node reads from the committed offsets.
        LOG.info("Consumer instance {}/{}: unconfirmed records not handed back ({})", lost.ref().group(),
            lost.ref().instance(), error.getMessage()));
  }
}
