package io.tributary.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * v1/v2 produce: {@code POST /topics/{t}} with a body {@code {"records":[{"value":...}, ...]}} (plus, for schema
 * formats, {@code value_schema_id}) carrying a fixed number of identical records; the answer must acknowledge
 * every one of them.
 */
final class ProduceWorkload implements HttpWorkload {
  static final String V1_BINARY = "application/vnd.kafka.binary.v1+json";
  static final String V1_ACCEPT = "application/vnd.kafka.v1+json";
  static final String V2_BINARY = "application/vnd.kafka.binary.v2+json";
  static final String V2_AVRO = "application/vnd.kafka.avro.v2+json";
  static final String V2_ACCEPT = "application/vnd.kafka.v2+json";

  private final String contentType;
  private final String accept;
  private final int recordsPerRequest;
  private final Buffer body;

  private ProduceWorkload(String contentType, String accept, JsonObject envelope, Object value,
      int recordsPerRequest) {
    this.contentType = contentType;
    this.accept = accept;
    this.recordsPerRequest = recordsPerRequest;
    JsonObject record = new JsonObject().put("value", value);
    JsonArray records = new JsonArray();
    for (int i = 0; i < recordsPerRequest; i++) {
      records.add(record);
    }
    this.body = envelope.copy().put("records", records).toBuffer();
  }

  /** v1 binary: base64 values. */
  static ProduceWorkload v1Binary(byte[] value, int recordsPerRequest) {
    return new ProduceWorkload(V1_BINARY, V1_ACCEPT, new JsonObject(), base64(value), recordsPerRequest);
  }

  /** v2 binary: the same body as v1, v2 media types. */
  static ProduceWorkload v2Binary(byte[] value, int recordsPerRequest) {
    return new ProduceWorkload(V2_BINARY, V2_ACCEPT, new JsonObject(), base64(value), recordsPerRequest);
  }

  /** v2 Avro: JSON-encoded Avro values of a schema already registered as {@code schemaId}. */
  static ProduceWorkload v2Avro(int schemaId, JsonObject value, int recordsPerRequest) {
    return new ProduceWorkload(V2_AVRO, V2_ACCEPT, new JsonObject().put("value_schema_id", schemaId), value,
        recordsPerRequest);
  }

  private static String base64(byte[] value) {
    return Base64.getEncoder().encodeToString(value);
  }

  @Override
  public RequestOptions request(String basePath, String topic) {
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setURI(basePath + "/topics/" + topic)
        .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
        .putHeader(HttpHeaders.ACCEPT, accept);
  }

  @Override
  public Buffer body() {
    return body;
  }

  @Override
  public int recordsPerRequest() {
    return recordsPerRequest;
  }

  @Override
  public int acceptedRecords(int status, Buffer answer) {
    return ProduceResponses.acceptedRecords(status, answer, recordsPerRequest);
  }
}
