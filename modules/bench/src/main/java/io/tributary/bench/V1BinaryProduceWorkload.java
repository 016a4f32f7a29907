package io.tributary.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * v1 binary produce: {@code POST /topics/{t}}, {@code application/vnd.kafka.binary.v1+json}, body
 * {@code {"records":[{"value":"<base64>"}, ...]}} with a fixed number of records per request.
 */
final class V1BinaryProduceWorkload implements HttpWorkload {
  static final String CONTENT_TYPE = "application/vnd.kafka.binary.v1+json";
  static final String ACCEPT = "application/vnd.kafka.v1+json";

  private final int recordsPerRequest;
  private final Buffer body;

  V1BinaryProduceWorkload(byte[] value, int recordsPerRequest) {
    this.recordsPerRequest = recordsPerRequest;
    JsonObject record = new JsonObject().put("value", Base64.getEncoder().encodeToString(value));
    JsonArray records = new JsonArray();
    for (int i = 0; i < recordsPerRequest; i++) {
      records.add(record);
    }
    this.body = new JsonObject().put("records", records).toBuffer();
  }

  @Override
  public RequestOptions request(String basePath, String topic) {
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setURI(basePath + "/topics/" + topic)
        .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
        .putHeader(HttpHeaders.ACCEPT, ACCEPT);
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
