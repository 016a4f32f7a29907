package io.tributary.server;

import io.tributary.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Test data for consumer tests, written with a native producer so the tests do not depend on produce routes. */
final class ConsumerTestData {
  private ConsumerTestData() {}

  /** One record for {@link #produce}. */
  record Rec(Integer partition, String key, String value, Long timestamp) {
    static Rec of(int partition, String key, String value) {
      return new Rec(partition, key, value, null);
    }
  }

  /** Writes the records in order and waits until every one is acknowledged. */
  static void produce(String topic, Rec... records) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
      for (Rec r : records) {
        producer.send(new ProducerRecord<>(topic, r.partition(), r.timestamp(), bytes(r.key()), bytes(r.value())))
            .get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot produce test data to " + topic, e);
    }
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String fromBase64(String encoded) {
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
