package io.tributary.core.bus;

import io.tributary.core.admin.AclEntries;
import io.tributary.core.admin.AlterConfigs;
import io.tributary.core.admin.AlterTopicsConfigs;
import io.tributary.core.admin.BrokerReplicas;
import io.tributary.core.admin.ClusterId;
import io.tributary.core.admin.ConfigsList;
import io.tributary.core.admin.ConsumerGroupDetails;
import io.tributary.core.admin.ConsumerGroups;
import io.tributary.core.admin.ConsumerLags;
import io.tributary.core.admin.CreateAcls;
import io.tributary.core.admin.CreateTopic;
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
import io.tributary.core.admin.Reassignments;
import io.tributary.core.admin.SearchAcls;
import io.tributary.core.admin.TopicConfigFailures;
import io.tributary.core.admin.TopicCreated;
import io.tributary.core.admin.TopicDetails;
import io.tributary.core.admin.TopicDetailsList;
import io.tributary.core.metadata.ClusterBrokers;
import io.tributary.core.metadata.DescribeTopic;
import io.tributary.core.metadata.EnsureTopic;
import io.tributary.core.metadata.GetPartitionOffsets;
import io.tributary.core.metadata.ListBrokers;
import io.tributary.core.metadata.ListTopics;
import io.tributary.core.metadata.PartitionOffsets;
import io.tributary.core.metadata.Ping;
import io.tributary.core.metadata.TopicDescription;
import io.tributary.core.metadata.TopicNames;

/** The admin engine's operations: metadata (v1, v2, produce's partition look-ups) and v3 cluster administration. */
public final class AdminOps {
  private AdminOps() {}

  // metadata
  public static final BusOperation<ListTopics, TopicNames> TOPICS_LIST =
      BusOperation.of("tributary.admin.topics.list", ListTopics.class, TopicNames.class);
  public static final BusOperation<DescribeTopic, TopicDescription> TOPIC_DESCRIBE =
      BusOperation.of("tributary.admin.topics.describe", DescribeTopic.class, TopicDescription.class);
  /** Describes a topic, creating it first when asked and the broker would (produce's auto-creation). */
  public static final BusOperation<EnsureTopic, TopicDescription> TOPIC_ENSURE =
      BusOperation.of("tributary.admin.topics.ensure", EnsureTopic.class, TopicDescription.class);
  public static final BusOperation<ListBrokers, ClusterBrokers> BROKERS_LIST =
      BusOperation.of("tributary.admin.brokers.list", ListBrokers.class, ClusterBrokers.class);
  public static final BusOperation<GetPartitionOffsets, PartitionOffsets> PARTITION_OFFSETS =
      BusOperation.of("tributary.admin.partitions.offsets", GetPartitionOffsets.class, PartitionOffsets.class);
  /** Whether Kafka answers (readiness, the cluster id of v3 produce and the registry's metadata). */
  public static final BusOperation<Ping, ClusterBrokers> PING =
      BusOperation.of("tributary.admin.ping", Ping.class, ClusterBrokers.class);

  // v3 cluster administration
  public static final BusOperation<GetClusterId, ClusterId> CLUSTER_ID =
      BusOperation.of("tributary.admin.cluster.id", GetClusterId.class, ClusterId.class);
  public static final BusOperation<ListConfigs, ConfigsList> CONFIGS_LIST =
      BusOperation.of("tributary.admin.configs.list", ListConfigs.class, ConfigsList.class);
  public static final BusOperation<AlterConfigs, Ack> CONFIGS_ALTER =
      BusOperation.of("tributary.admin.configs.alter", AlterConfigs.class, Ack.class);
  public static final BusOperation<AlterTopicsConfigs, TopicConfigFailures> TOPICS_CONFIGS_ALTER =
      BusOperation.of("tributary.admin.configs.alter-topics", AlterTopicsConfigs.class, TopicConfigFailures.class);
  public static final BusOperation<DescribeTopicDetails, TopicDetails> TOPIC_DETAILS =
      BusOperation.of("tributary.admin.topics.details", DescribeTopicDetails.class, TopicDetails.class);
  public static final BusOperation<DescribeAllTopics, TopicDetailsList> TOPICS_DETAILS_ALL =
      BusOperation.of("tributary.admin.topics.details-all", DescribeAllTopics.class, TopicDetailsList.class);
  public static final BusOperation<CreateTopic, TopicCreated> TOPIC_CREATE =
      BusOperation.of("tributary.admin.topics.create", CreateTopic.class, TopicCreated.class);
  public static final BusOperation<IncreasePartitions, TopicDetails> TOPIC_PARTITIONS_INCREASE =
      BusOperation.of("tributary.admin.topics.partitions-increase", IncreasePartitions.class, TopicDetails.class);
  public static final BusOperation<DeleteTopic, Ack> TOPIC_DELETE =
      BusOperation.of("tributary.admin.topics.delete", DeleteTopic.class, Ack.class);
  public static final BusOperation<ListBrokerReplicas, BrokerReplicas> BROKER_REPLICAS =
      BusOperation.of("tributary.admin.brokers.replicas", ListBrokerReplicas.class, BrokerReplicas.class);
  public static final BusOperation<ListReassignments, Reassignments> REASSIGNMENTS_LIST =
      BusOperation.of("tributary.admin.reassignments.list", ListReassignments.class, Reassignments.class);
  public static final BusOperation<ListConsumerGroups, ConsumerGroups> GROUPS_LIST =
      BusOperation.of("tributary.admin.groups.list", ListConsumerGroups.class, ConsumerGroups.class);
  public static final BusOperation<DescribeConsumerGroup, ConsumerGroupDetails> GROUP_DESCRIBE =
      BusOperation.of("tributary.admin.groups.describe", DescribeConsumerGroup.class, ConsumerGroupDetails.class);
  public static final BusOperation<ListConsumerLags, ConsumerLags> GROUP_LAGS =
      BusOperation.of("tributary.admin.groups.lags", ListConsumerLags.class, ConsumerLags.class);
  public static final BusOperation<SearchAcls, AclEntries> ACLS_SEARCH =
      BusOperation.of("tributary.admin.acls.search", SearchAcls.class, AclEntries.class);
  public static final BusOperation<CreateAcls, Ack> ACLS_CREATE =
      BusOperation.of("tributary.admin.acls.create", CreateAcls.class, Ack.class);
  public static final BusOperation<DeleteAcls, AclEntries> ACLS_DELETE =
      BusOperation.of("tributary.admin.acls.delete", DeleteAcls.class, AclEntries.class);
}
