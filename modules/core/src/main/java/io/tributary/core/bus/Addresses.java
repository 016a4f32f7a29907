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
