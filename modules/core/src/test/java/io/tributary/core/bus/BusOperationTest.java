package io.tributary.core.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.Ping;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BusOperationTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void aServedOperationAnswersWithItsReplyByReference() throws Exception {
    ClusterBrokers brokers = new ClusterBrokers("c1", 1, List.of());
    AdminOps.PING.serve(vertx, ping -> Future.succeededFuture(brokers)).completion().await(30, TimeUnit.SECONDS);

    ClusterBrokers reply = AdminOps.PING.call(vertx, new Ping()).await(30, TimeUnit.SECONDS);

    assertThat(reply).isSameAs(brokers);
  }

  @Test
  void aFailureKeepsItsErrorCodeAndATranslatorSeesItFirst() throws Exception {
    AdminOps.PING.serve(vertx, ping -> Future.failedFuture(new IllegalStateException("boom")),
        error -> ErrorCode.SERVICE_UNAVAILABLE.toException("translated"))
        .completion().await(30, TimeUnit.SECONDS);

    Throwable failure = catchThrowable(() -> AdminOps.PING.call(vertx, new Ping()).await(30, TimeUnit.SECONDS));

    assertThat(failure).isInstanceOf(TributaryException.class);
    assertThat(((TributaryException) failure).errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(failure).hasMessage("translated");
  }

  @Test
  void anOperationNobodyServesFailsAsUnavailable() {
    Throwable failure = catchThrowable(() -> AdminOps.PING.call(vertx, new Ping()).await(30, TimeUnit.SECONDS));

    assertThat(((TributaryException) failure).errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
  }

  @Test
  void registrationsAreCountedPerDeploymentUntilUnregistered() throws Exception {
    MessageConsumer<Ping> first = AdminOps.PING.serve(vertx, ping -> Future.succeededFuture(
        new ClusterBrokers("c", 1, List.of())));
    first.completion().await(30, TimeUnit.SECONDS);
    assertThat(BusEndpoints.servers(vertx, AdminOps.PING)).containsOnly(org.assertj.core.api.Assertions.entry(
        "none", 1));
    assertThat(BusEndpoints.servers(vertx, AdminOps.TOPICS_LIST)).isEmpty();

    first.unregister().await(30, TimeUnit.SECONDS);

    assertThat(BusEndpoints.servers(vertx, AdminOps.PING)).isEmpty();
  }

  @Test
  void holdersListTheirOperations() {
    assertThat(BusOperation.declaredIn(ProduceOps.class)).containsExactly(ProduceOps.SEND);
    assertThat(BusOperation.declaredIn(FormatOps.class)).containsExactlyInAnyOrder(FormatOps.ENCODE,
        FormatOps.DECODE);
  }

  @Test
  void aNodeScopedOperationHasItsOwnAddressTheSameTypesAndIsServedApartFromThePublicOne() throws Exception {
    BusOperation<Ping, ClusterBrokers> onNode = AdminOps.PING.onNode("n1");
    ClusterBrokers brokers = new ClusterBrokers("c1", 1, List.of());
    onNode.serve(vertx, ping -> Future.succeededFuture(brokers)).completion().await(30, TimeUnit.SECONDS);

    assertThat(onNode.address()).isEqualTo(AdminOps.PING.address() + ".node.n1");
    assertThat(onNode.nodeScoped()).isTrue();
    assertThat(AdminOps.PING.nodeScoped()).isFalse();
    assertThat(onNode.requestType()).isEqualTo(Ping.class);
    assertThat(onNode.call(vertx, new Ping()).await(30, TimeUnit.SECONDS)).isSameAs(brokers);
    assertThat(catchThrowable(() -> AdminOps.PING.call(vertx, new Ping()).await(30, TimeUnit.SECONDS)))
        .as("the public address has no server").isInstanceOf(TributaryException.class);
    assertThat(catchThrowable(() -> onNode.onNode("n2"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUntranslatedCallLeavesTheBusFailureForTheCallerToInspect() {
    Throwable failure = catchThrowable(() -> AdminOps.PING.onNode("nobody").callUntranslated(vertx, new Ping(), 5_000)
        .await(30, TimeUnit.SECONDS));

    assertThat(failure).isInstanceOf(io.vertx.core.eventbus.ReplyException.class);
    assertThat(((io.vertx.core.eventbus.ReplyException) failure).failureType())
        .isEqualTo(io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS);
  }
}
