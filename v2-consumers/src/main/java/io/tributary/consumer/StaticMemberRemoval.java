package io.tributary.consumer;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.ConsumerRef;
import io.tributary.kafka.KafkaClientConfigs;
import io.tributary.kafka.KafkaErrors;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode: a static group member ({@link StaticMemberId}) does not leave its group when its consumer closes, so
 * an instance that is deleted or expires is removed from its group here, through Kafka's Admin API, and its
 * partitions go to the group's other members at once rather than after {@code session.timeout.ms}. One Admin client
 * per engine, created on first use, off the event loop. A member already gone is not a failure.
 */
final class StaticMemberRemoval {
  private static final Logger LOG = LoggerFactory.getLogger(StaticMemberRemoval.class);

  private final TributaryConfig config;
  private final Context context;
  private final Executor pool;
  private Future<Admin> admin;

  StaticMemberRemoval(TributaryConfig config, Context context, Executor pool) {
    this.config = config;
    this.context = context;
    this.pool = pool;
  }

  /** Removes the instance's static member from its group; completes when Kafka answered (never fails). */
  Future<Void> remove(ConsumerRef ref) {
    String memberId = StaticMemberId.of(ref);
    return admin().compose(client -> Future.<Void>fromCompletionStage(client.removeMembersFromConsumerGroup(
            ref.group(), new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(memberId))))
        .all().toCompletionStage(), context))
        .recover(error -> {
          if (!alreadyGone(error)) {
            LOG.warn("Consumer instance {}/{}: could not remove it from its group ({}); its partitions move to the "
                + "other members after the session timeout", ref.group(), ref.instance(),
                KafkaErrors.unwrap(error).getMessage());
          }
          return Future.succeededFuture();
        });
  }

  /** The member or its group is unknown: never subscribed, assigned by hand, or removed already. */
  private static boolean alreadyGone(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof UnknownMemberIdException || e instanceof GroupIdNotFoundException) {
        return true;
      }
    }
    return false;
  }

  /** Closes the Admin client, if one was created. */
  Future<Void> close() {
    if (admin == null) {
      return Future.succeededFuture();
    }
    return admin.compose(client -> Offload.<Void>call(context, pool, () -> {
      client.close(Duration.ofSeconds(5));
      return null;
    })).recover(ignored -> Future.succeededFuture());
  }

  private Future<Admin> admin() {
    if (admin == null) {
      admin = Offload.call(context, pool, () -> Admin.create(KafkaClientConfigs.admin(config)));
      // A client that could not be created is tried again at the next removal.
      admin.onFailure(error -> admin = null);
    }
    return admin;
  }
}
