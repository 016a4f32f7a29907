package io.tributary.core.consumer;

/**
 * How the consumer engine lays out the records of a read in its JSON answer (the instance's format decides how keys
 * and values are written). Each generation has its own field order, fixed by the original's wire format.
 *
 * @param order the fields and their order
 * @param timestamp v2's {@code include=timestamp}: add the record's timestamp (epoch ms)
 * @param headers v2's {@code include=headers}: add {@code [{"key":name,"value":base64 or null}]}
 */
public record RecordLayout(Order order, boolean timestamp, boolean headers) {
  /** v1's records: {@code key, value, partition, offset, topic}. */
  public static final RecordLayout V1 = new RecordLayout(Order.V1, false, false);

  /** The field order of a generation. */
  public enum Order {
    /** {@code key, value, partition, offset, topic} */
    V1,
    /** {@code topic, key, value, partition, offset}, then the optional timestamp and headers */
    V2
  }

  /** v2's records, with the optional fields the client asked for. */
  public static RecordLayout v2(boolean timestamp, boolean headers) {
    return new RecordLayout(Order.V2, timestamp, headers);
  }
}
