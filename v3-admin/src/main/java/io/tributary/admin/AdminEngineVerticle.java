package io.tributary.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tributary.core.admin.CreateAcls;
import io.tributary.core.admin.DeleteAcls;
import io.tributary.core.admin.DeleteTopic;
import io.tributary.core.admin.DescribeAllTopics;
import io.tributary.core.admin.DescribeConsumerGroup;
import io.tributary.core.admin.DescribeTopicDetails;
import io.tributary.core.admin.GetClusterId;
import io.tributary.core.admin.IncreasePartitions;
import io.tributary.core.admin.ListBrokerReplicas;
import io.tributary.core.admin.ListConfigs;
import io.tributary.core.admin.ListConsumerGroups;
import io.tributary.core.admin.ListConsumerLags;
import io.tributary.core.admin.ListReassignments;
import io.tributary.core.admin.SearchAcls;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.bus.BusMessage;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.Ping;
import io.tributary.kafka.KafkaClientConfigs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;

/**
 * The admin / metadata engine: owns the one Kafka {@link Admin} client and answers the {@code tributary.admin.*}
 * bus addresses with the metadata records of {@code io.tributary.core.metadata}. The operations live in small
 * classes; this verticle only wires them to their addresses.
 */
public final class AdminEngineVerticle extends VerticleBase {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final TributaryConfig config;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private Admin admin;

  private final MeterRegistry meterRegistry;
  private KafkaClientMetrics adminMetrics;

  public AdminEngineVerticle(TributaryConfig config) {
    this(config, new CompositeMeterRegistry());
  }

  /** @param meterRegistry where the Kafka admin client's metrics go (Micrometer's Kafka client binder) */
  public AdminEngineVerticle(TributaryConfig config, MeterRegistry meterRegistry) {
    this.config = config;
    this.meterRegistry = meterRegistry;
  }

  @Override
  public Future<?> start() {
    // Creating the client resolves the bootstrap addresses (DNS): not on the event loop.
    return vertx.executeBlocking(() -> Admin.create(KafkaClientConfigs.admin(config))).compose(created -> {
      admin = created;
      // Admin.create makes an AdminClient, the type Micrometer's binder takes.
      if (created instanceof AdminClient client) {
        adminMetrics = new KafkaClientMetrics(client);
        adminMetrics.bindTo(meterRegistry);
      }
      TopicDescriber describer = new TopicDescriber(admin, context);
      ClusterReader cluster = new ClusterReader(admin, context);
      // Not awaited: start-up must not wait for Kafka; only topic auto-creation needs the answer.
      Future<Boolean> autoCreate = AutoCreateSetting.read(admin, context);
      TopicEnsurer ensurer = new TopicEnsurer(vertx, admin, context, describer, autoCreate);
      PartitionOffsetsReader offsets = new PartitionOffsetsReader(admin, context, describer);

      serve(AdminOps.TOPIC_DESCRIBE, (DescribeTopic r) -> describer.describe(r.topic(), r.includeConfigs()));
      serve(AdminOps.TOPIC_ENSURE, (EnsureTopic r) -> ensurer.ensure(r.topic(), r.create()));
      serve(AdminOps.TOPICS_LIST, (ListTopics r) -> cluster.topicNames());
      serve(AdminOps.BROKERS_LIST, (ListBrokers r) -> cluster.brokers());
      serve(AdminOps.PING, (Ping r) -> cluster.ping());
      serve(AdminOps.PARTITION_OFFSETS,
          (GetPartitionOffsets r) -> offsets.offsets(r.topic(), r.partition()));
      serveV3Administration(cluster);
      return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    });
  }

  /** The operations behind the v3 admin API (io.tributary.core.admin). */
  private void serveV3Administration(ClusterReader cluster) {
    ClusterIdentity identity = new ClusterIdentity(admin, context);
    ConfigResources configResources = new ConfigResources(admin, context, cluster);
    ConfigReader configs = new ConfigReader(admin, context, configResources);
    ConfigAlterer alterer = new ConfigAlterer(admin, context, configResources, configs, identity);
    TopicDetailsReader topics = new TopicDetailsReader(admin, context);
    TopicAdmin topicAdmin = new TopicAdmin(vertx, admin, context, topics);
    BrokerReplicasReader replicas = new BrokerReplicasReader(new Brokers(cluster), topics);
    ReassignmentReader reassignments = new ReassignmentReader(admin, context, topics);
    ConsumerGroupReader groups = new ConsumerGroupReader(admin, context);
    ConsumerLagReader lags = new ConsumerLagReader(admin, context, groups);
    AclOperations acls = new AclOperations(admin, context);

    serve(AdminOps.CLUSTER_ID, (GetClusterId r) -> identity.id());
    serve(AdminOps.CONFIGS_LIST, (ListConfigs r) -> configs.list(r.scope(), r.resource()));
    serve(AdminOps.CONFIGS_ALTER, alterer::alter);
    serve(AdminOps.TOPICS_CONFIGS_ALTER, alterer::alterTopics);
    serve(AdminOps.TOPIC_DETAILS,
        (DescribeTopicDetails r) -> topics.one(r.topic(), r.includeAuthorizedOperations()));
    serve(AdminOps.TOPICS_DETAILS_ALL, (DescribeAllTopics r) -> topics.all(r.includeAuthorizedOperations()));
    serve(AdminOps.TOPIC_CREATE, topicAdmin::create);
    serve(AdminOps.TOPIC_PARTITIONS_INCREASE,
        (IncreasePartitions r) -> topicAdmin.increasePartitions(r.topic(), r.count()));
    serve(AdminOps.TOPIC_DELETE, (DeleteTopic r) -> topicAdmin.delete(r.topic()));
    serve(AdminOps.BROKER_REPLICAS, (ListBrokerReplicas r) -> replicas.replicas(r.broker()));
    serve(AdminOps.REASSIGNMENTS_LIST, (ListReassignments r) -> reassignments.list(r.topic()));
    serve(AdminOps.GROUPS_LIST, (ListConsumerGroups r) -> groups.list());
    serve(AdminOps.GROUP_DESCRIBE, (DescribeConsumerGroup r) -> groups.describe(r.groupId()));
    serve(AdminOps.GROUP_LAGS, (ListConsumerLags r) -> lags.lags(r.groupId()));
    serve(AdminOps.ACLS_SEARCH, (SearchAcls r) -> acls.search(r.filter()));
    serve(AdminOps.ACLS_CREATE, (CreateAcls r) -> acls.create(r.acls()));
    serve(AdminOps.ACLS_DELETE, (DeleteAcls r) -> acls.delete(r.filter()));
  }

  private <Q extends BusMessage, R extends BusMessage> void serve(BusOperation<Q, R> operation,
      Function<Q, Future<R>> handler) {
    consumers.add(operation.serve(vertx, handler));
  }

  @Override
  public Future<?> stop() {
    if (admin == null) {
      return Future.succeededFuture();
    }
    Admin closing = admin;
    if (adminMetrics != null) {
      adminMetrics.close();
    }
    // close() waits for in-flight calls: keep it off the event loop.
    return vertx.executeBlocking(() -> {
      closing.close(CLOSE_TIMEOUT);
      return null;
    });
  }
}
