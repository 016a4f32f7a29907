package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.consumer.ConfirmDelivery;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.core.consumer.ForwardedRead;
import io.tributary.core.consumer.ReadRecords;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.consumer.RequeueRecords;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.OnContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A forwarded read's records come back to their instance unless the forwarding node confirms they arrived. */
class UnconfirmedDeliveriesTest {
  private static final ConsumerRef REF = new ConsumerRef("g", "i", "alice");
  private static final List<ConsumedRecord> RECORDS = List.of(record(7), record(8));
  /** Long enough that no timer fires during a test: expiry is triggered by the test itself. */
  private static final long NEVER_MS = 600_000;

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<RequeueRecords> handedBack = new CopyOnWriteArrayList<>();
  private final Set<String> members = Set.of("node-b", "node-c");

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void confirmedRecordsAreNeverHandedBack() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(NEVER_MS);
    ReadResult reply = hold(deliveries, "node-b", RECORDS);

    OnContext.run(vertx, () -> {
      deliveries.confirmed(new ConfirmDelivery(REF, reply.delivery()));
      deliveries.expire(reply.delivery());
      deliveries.originLeft("node-b");
    });

    assertThat(reply.delivery()).isPositive();
    assertThat(reply.records()).isEqualTo(RECORDS);
    assertThat(handedBack).isEmpty();
    assertThat(OnContext.call(vertx, deliveries::held)).isZero();
    assertThat(unconfirmed()).isZero();
  }

  @Test
  void aConfirmationNamingAnotherInstanceReleasesNothing() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(NEVER_MS);
    ReadResult reply = hold(deliveries, "node-b", RECORDS);

    OnContext.run(vertx, () -> {
      deliveries.confirmed(new ConfirmDelivery(new ConsumerRef("g", "other", "alice"), reply.delivery()));
      deliveries.expire(reply.delivery());
    });

    assertThat(handedBack).containsExactly(new RequeueRecords(REF, RECORDS));
  }

  @Test
  void recordsNobodyConfirmsInTimeGoBackToTheirInstance() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(50);

    ReadResult reply = hold(deliveries, "node-b", RECORDS);

    Eventually.get(() -> handedBack.size(), n -> n == 1);
    assertThat(handedBack.get(0)).isEqualTo(new RequeueRecords(REF, RECORDS));
    assertThat(unconfirmed()).isEqualTo(2.0);
    // A confirmation that comes too late changes nothing: the records are read again (at-least-once).
    OnContext.run(vertx, () -> {
      deliveries.confirmed(new ConfirmDelivery(REF, reply.delivery()));
    });
    assertThat(handedBack).hasSize(1);
  }

  @Test
  void theRecordsOfANodeThatLeavesGoBackAtOnceAndOnlyThose() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(NEVER_MS);
    List<ConsumedRecord> toC = List.of(record(9));
    hold(deliveries, "node-b", RECORDS);
    hold(deliveries, "node-c", toC);

    OnContext.run(vertx, () -> {
      deliveries.originLeft("node-c");
    });

    assertThat(handedBack).containsExactly(new RequeueRecords(REF, toC));
    assertThat(OnContext.call(vertx, deliveries::held)).isEqualTo(1);
  }

  @Test
  void aReadForANodeThatAlreadyLeftIsHandedBackAtOnce() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(NEVER_MS);

    hold(deliveries, "node-gone", RECORDS);

    assertThat(handedBack).containsExactly(new RequeueRecords(REF, RECORDS));
    assertThat(OnContext.call(vertx, deliveries::held)).isZero();
  }

  @Test
  void anEmptyReadHoldsNothing() throws Exception {
    UnconfirmedDeliveries deliveries = deliveries(NEVER_MS);

    ReadResult reply = hold(deliveries, "node-b", List.of());

    assertThat(reply.delivery()).isZero();
    assertThat(OnContext.call(vertx, deliveries::held)).isZero();
  }

  @Test
  void anInstanceThatIsGoneFromThisNodeDoesNotStopTheOthers() throws Exception {
    UnconfirmedDeliveries deliveries = new UnconfirmedDeliveries(vertx, NEVER_MS, members::contains, request -> {
      throw new IllegalStateException("instance not here");
    }, meters);
    ReadResult first = hold(deliveries, "node-b", RECORDS);
    ReadResult second = hold(deliveries, "node-b", RECORDS);

    OnContext.run(vertx, () -> {
      deliveries.expire(first.delivery());
      deliveries.expire(second.delivery());
    });

    assertThat(second.delivery()).isNotEqualTo(first.delivery());
    assertThat(OnContext.call(vertx, deliveries::held)).isZero();
    assertThat(unconfirmed()).isEqualTo(4.0);
  }

  private UnconfirmedDeliveries deliveries(long confirmWithinMs) {
    return new UnconfirmedDeliveries(vertx, confirmWithinMs, members::contains, request -> {
      handedBack.add(request);
      return Future.succeededFuture();
    }, meters);
  }

  /** What the instance's node answers a read forwarded from {@code origin} that returned {@code records}. */
  private ReadResult hold(UnconfirmedDeliveries deliveries, String origin, List<ConsumedRecord> records)
      throws Exception {
    return OnContext.call(vertx, () -> deliveries.hold(forwardedFrom(origin), new ReadResult(records)));
  }

  private double unconfirmed() {
    return meters.find("tributary.consumer.forwarded.unconfirmed").counter().count();
  }

  private static ForwardedRead forwardedFrom(String origin) {
    return new ForwardedRead(new ReadRecords(REF, null, EmbeddedFormat.BINARY, null, null,
        RecordLayout.v2(false, false)), origin);
  }

  private static ConsumedRecord record(long offset) {
    return new ConsumedRecord("t", 0, offset, null, new byte[] {(byte) offset}, 0L, List.of());
  }

}
