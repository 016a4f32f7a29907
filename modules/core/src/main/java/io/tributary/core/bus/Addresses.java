package io.tributary.core.bus;

/** Event-bus addresses: one per operation. HTTP routes send to these; engines consume them. */
public final class Addresses {
  private Addresses() {}

  // produce engine
  public static final String PRODUCE_SEND = "tributary.produce.send";

  // admin / metadata engine
  public static final String ADMIN_TOPICS_LIST = "tributary.admin.topics.list";
  public static final String ADMIN_TOPIC_DESCRIBE = "tributary.admin.topics.describe";
  public static final String ADMIN_TOPIC_ENSURE = "tributary.admin.topics.ensure";
  public static final String ADMIN_BROKERS_LIST = "tributary.admin.brokers.list";
  public static final String ADMIN_PARTITION_OFFSETS = "tributary.admin.partitions.offsets";
  public static final String ADMIN_PING = "tributary.admin.ping";
  // v3 cluster administration (admin engine)
  public static final String ADMIN_CLUSTER_ID = "tributary.admin.cluster.id";
  public static final String ADMIN_CONFIGS_LIST = "tributary.admin.configs.list";
  public static final String ADMIN_CONFIGS_ALTER = "tributary.admin.configs.alter";
  public static final String ADMIN_TOPICS_CONFIGS_ALTER = "tributary.admin.configs.alter-topics";
  public static final String ADMIN_TOPIC_DETAILS = "tributary.admin.topics.details";
  public static final String ADMIN_TOPICS_DETAILS_ALL = "tributary.admin.topics.details-all";
  public static final String ADMIN_TOPIC_CREATE = "tributary.admin.topics.create";
  public static final String ADMIN_TOPIC_PARTITIONS_INCREASE = "tributary.admin.topics.partitions-increase";
  public static final String ADMIN_TOPIC_DELETE = "tributary.admin.topics.delete";
  public static final String ADMIN_BROKER_REPLICAS = "tributary.admin.brokers.replicas";
  public static final String ADMIN_REASSIGNMENTS_LIST = "tributary.admin.reassignments.list";
  public static final String ADMIN_GROUPS_LIST = "tributary.admin.groups.list";
  public static final String ADMIN_GROUP_DESCRIBE = "tributary.admin.groups.describe";
  public static final String ADMIN_GROUP_LAGS = "tributary.admin.groups.lags";
  public static final String ADMIN_ACLS_SEARCH = "tributary.admin.acls.search";
  public static final String ADMIN_ACLS_CREATE = "tributary.admin.acls.create";
  public static final String ADMIN_ACLS_DELETE = "tributary.admin.acls.delete";

  // consumer engine
  public static final String CONSUMER_CREATE = "tributary.consumer.create";
  public static final String CONSUMER_DELETE = "tributary.consumer.delete";
  public static final String CONSUMER_READ = "tributary.consumer.poll";
  public static final String CONSUMER_COMMIT = "tributary.consumer.commit";
  public static final String CONSUMER_REQUEUE = "tributary.consumer.requeue";
  public static final String CONSUMER_FETCH_PARTITION = "tributary.consumer.fetch-partition";
  public static final String CONSUMER_SUBSCRIBE = "tributary.consumer.subscribe";
  public static final String CONSUMER_SUBSCRIPTION = "tributary.consumer.subscription";
  public static final String CONSUMER_UNSUBSCRIBE = "tributary.consumer.unsubscribe";
  public static final String CONSUMER_ASSIGN = "tributary.consumer.assign";
  public static final String CONSUMER_ASSIGNMENT = "tributary.consumer.assignment";
  public static final String CONSUMER_SEEK = "tributary.consumer.seek";
  public static final String CONSUMER_SEEK_EDGE = "tributary.consumer.seek-edge";
  public static final String CONSUMER_COMMITTED = "tributary.consumer.committed";

  // schema format converters (worker verticles)
  public static final String FORMAT_ENCODE = "tributary.format.encode";
  public static final String FORMAT_DECODE = "tributary.format.decode";
}
