package io.tributary.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProduceOffsetsTest {
  private static final RecordReceipt OK = RecordReceipt.success(0, 7, 1L);

  @Test
  void everyFieldIsPresentAndAbsentOnesAreNull() {
    ProduceResult result = new ProduceResult(List.of(OK,
        RecordReceipt.failure(ErrorCode.KAFKA_RETRIABLE, "Failed to update metadata")));

    assertThat(ProduceOffsets.body(result, null).encode()).isEqualTo("{\"offsets\":["
        + "{\"partition\":0,\"offset\":7,\"error_code\":null,\"error\":null},"
        + "{\"partition\":null,\"offset\":null,\"error_code\":50003,\"error\":\"Failed to update metadata\"}],"
        + "\"key_schema_id\":null,\"value_schema_id\":null}");
  }

  @Test
  void theRenderedBytesAreTheJsonOfTheBody() {
    ProduceResult result = new ProduceResult(List.of(OK,
        RecordReceipt.failure(ErrorCode.KAFKA_ERROR, "quote \" backslash \\ caf\u00e9 \n"), OK));

    assertThat(ProduceOffsets.render(result, 4, 21, null).toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"offsets\":[{\"partition\":4,\"offset\":7,\"error_code\":null,\"error\":null},"
            + "{\"partition\":4,\"offset\":null,\"error_code\":50002,"
            + "\"error\":\"quote \\\" backslash \\\\ caf\u00e9 \\n\"},"
            + "{\"partition\":4,\"offset\":7,\"error_code\":null,\"error\":null}],"
            + "\"key_schema_id\":21,\"value_schema_id\":null}");
  }

  @Test
  void aReportedPartitionIsShownForFailedRecordsToo() {
    ProduceResult result = new ProduceResult(List.of(RecordReceipt.failure(ErrorCode.KAFKA_ERROR, "no")));

    assertThat(ProduceOffsets.body(result, 3).getJsonArray("offsets").getJsonObject(0).getInteger("partition"))
        .isEqualTo(3);
  }

  @Test
  void authenticationThenAuthorizationFailuresDecideTheStatus() {
    RecordReceipt denied = RecordReceipt.failure(ErrorCode.FORBIDDEN, "denied");
    RecordReceipt unauthenticated = RecordReceipt.failure(ErrorCode.UNAUTHORIZED, "who?");
    RecordReceipt retriable = RecordReceipt.failure(ErrorCode.KAFKA_RETRIABLE, "later");

    assertThat(ProduceOffsets.status(new ProduceResult(List.of(OK, retriable)))).isEqualTo(200);
    assertThat(ProduceOffsets.status(new ProduceResult(List.of(OK, denied)))).isEqualTo(403);
    assertThat(ProduceOffsets.status(new ProduceResult(List.of(denied, unauthenticated)))).isEqualTo(401);
  }
}
