package io.tributary.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Creates the benchmark topics up front and counts what landed in them, through one Admin client. */
final class BenchTopics {
  private static final long TIMEOUT_SECONDS = 60;

  private final Admin admin;
  private final int partitions;
  private final List<String> created = new ArrayList<>();

  BenchTopics(String bootstrap, int partitions) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    this.partitions = partitions;
  }

  /** A new, empty topic for {@code scenario}, with the cluster's default replication factor. */
  String create(String scenario) {
    String name = "bench-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
    await(admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()))).all());
    created.add(name);
    return name;
  }

  /** The number of records in {@code topic}: the sum of its partitions' end offsets (topics start empty). */
  long recordCount(String topic) {
    Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(request).all());
    return ends.values().stream().collect(Collectors.summingLong(ListOffsetsResultInfo::offset));
  }

  void close(boolean deleteTopics) {
    try {
      if (deleteTopics && !created.isEmpty()) {
        await(admin.deleteTopics(created).all());
      }
    } finally {
      admin.close();
    }
  }

  private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new BenchFailure("Kafka admin operation failed: " + (e.getCause() != null ? e.getCause() : e), e);
    }
  }
}
