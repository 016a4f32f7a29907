package io.tributary.http.media;

/** The media type strings of every generation, in one place. */
public final class KafkaMediaTypes {
  private KafkaMediaTypes() {}

  public static final String V1_JSON = "application/vnd.kafka.v1+json";
  public static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";
  public static final String V1_JSON_EMBEDDED = "application/vnd.kafka.json.v1+json";
  public static final String V1_AVRO = "application/vnd.kafka.avro.v1+json";
  public static final String V2_JSON = "application/vnd.kafka.v2+json";
  public static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";
  public static final String V2_JSON_EMBEDDED = "application/vnd.kafka.json.v2+json";
  public static final String V2_AVRO = "application/vnd.kafka.avro.v2+json";
  public static final String V2_JSONSCHEMA = "application/vnd.kafka.jsonschema.v2+json";
  public static final String V2_PROTOBUF = "application/vnd.kafka.protobuf.v2+json";
  public static final String KAFKA_JSON = "application/vnd.kafka+json";
  public static final String JSON = "application/json";
  public static final String OCTET_STREAM = "application/octet-stream";

  /** Weights from kafka-rest's Versions: what a generic Accept gets. */
  public static final double QS_EMBEDDED_DEFAULT = 1.0;
  public static final double QS_VERSIONED = 0.9;
  public static final double QS_KAFKA_JSON = 0.8;
  public static final double QS_JSON = 0.5;
  public static final double QS_LOW = 0.1;
}
