package io.tributary.http.media;

import static io.tributary.http.media.KafkaMediaTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NegotiationTest {
  /** The offers of a v1 read endpoint: binary is the default, json and avro only when asked for. */
  private static final List<Offer<String>> READ = List.of(
      Offer.of(V1_BINARY, QS_EMBEDDED_DEFAULT, "binary"),
      Offer.of(V1_JSON, QS_VERSIONED, "binary-v1"),
      Offer.of(KAFKA_JSON, QS_KAFKA_JSON, "binary-kafka"),
      Offer.of(JSON, QS_JSON, "binary-json"),
      Offer.of(V1_JSON_EMBEDDED, QS_LOW, "json"),
      Offer.of(V1_AVRO, QS_LOW, "avro"));

  private static Optional<String> pick(String accept) {
    return Negotiation.select(accept, READ).map(Offer::meaning);
  }

  @Test
  void noAcceptHeaderGetsTheHighestServerWeight() {
    assertThat(pick(null)).contains("binary");
    assertThat(pick("")).contains("binary");
    assertThat(pick("*/*")).contains("binary");
  }

  @Test
  void anExplicitLowWeightTypeIsChosenWhenItIsTheOnlyOneAsked() {
    assertThat(pick(V1_JSON_EMBEDDED)).contains("json");
    assertThat(pick(V1_AVRO)).contains("avro");
  }

  @Test
  void genericJsonIsAcceptedAndEchoed() {
    assertThat(pick("application/json")).contains("binary-json");
  }

  @Test
  void clientQualityMultipliesServerWeight() {
    // 0.9*0.9 = 0.81 for v1 vs 1.0*0.5 for json: v1 wins although the client lists json with a higher q.
    assertThat(pick(V1_JSON + "; q=0.9, application/json; q=1.0")).contains("binary-v1");
    // A json type at q=1 against binary at q=0.05: 0.1 vs 0.05.
    assertThat(pick(V1_JSON_EMBEDDED + ", " + V1_BINARY + ";q=0.05")).contains("json");
  }

  @Test
  void theMostSpecificMatchingRangeDecidesTheClientQuality() {
    // */* allows everything, but the explicit q=0 excludes binary.
    assertThat(pick("*/*, " + V1_BINARY + ";q=0")).contains("binary-v1");
  }

  @Test
  void nothingAcceptableIsEmpty() {
    assertThat(pick("text/plain")).isEmpty();
    assertThat(pick("application/vnd.kafka.v2+json")).isEmpty();
  }

  @Test
  void theScoreIsClientQualityTimesServerWeight() {
    Offer<String> v2 = Offer.of(V2_JSON, QS_VERSIONED, "v2");
    Offer<String> json = Offer.of(JSON, QS_JSON, "json");
    String accept = V2_JSON + "; q=0.9, application/json; q=0.5";

    assertThat(Negotiation.score(accept, v2)).isCloseTo(0.81, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Negotiation.score(accept, json)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Negotiation.score("text/plain", v2)).isZero();
    assertThat(Negotiation.score(null, v2)).isEqualTo(Negotiation.score("*/*", v2)).isEqualTo(QS_VERSIONED);
  }

  @Test
  void parametersOtherThanQualityAreIgnored() {
    assertThat(pick("application/json; charset=utf-8")).contains("binary-json");
  }

  @Test
  void contentTypeMatchesExactlyAndIgnoresParameters() {
    List<Offer<String>> accepted = List.of(Offer.of(V1_BINARY, 1, "binary"), Offer.of(JSON, 1, "json"));
    assertThat(Negotiation.matchContentType("application/json; charset=UTF-8", accepted)).contains("json");
    assertThat(Negotiation.matchContentType("Application/Vnd.Kafka.Binary.V1+Json", accepted)).contains("binary");
    assertThat(Negotiation.matchContentType("text/plain", accepted)).isEmpty();
    assertThat(Negotiation.matchContentType(null, accepted)).isEmpty();
    assertThat(Negotiation.matchContentType("garbage", accepted)).isEmpty();
  }

  @Test
  void aBodyWithoutContentTypeCountsAsOctetStream() {
    List<Offer<String>> accepted = List.of(Offer.of(OCTET_STREAM, 1, "bytes"), Offer.of(JSON, 1, "json"));
    assertThat(Negotiation.matchBodyType(null, accepted)).contains("bytes");
    assertThat(Negotiation.matchBodyType(" ", accepted)).contains("bytes");
    assertThat(Negotiation.matchBodyType("application/json", accepted)).contains("json");
    assertThat(Negotiation.matchBodyType("text/plain", accepted)).isEmpty();
    assertThat(Negotiation.matchBodyType(null, List.of(Offer.of(JSON, 1, "json")))).isEmpty();
  }

  @Test
  void mediaTypesWithNoTypeAtAllAreMalformedNotAFailure() {
    assertThat(MediaType.parse(";;;")).isNull();
    assertThat(MediaType.parse(";")).isNull();
    assertThat(Negotiation.matchContentType(";;;", READ)).isEmpty();
    assertThat(Negotiation.matchBodyType(";", READ)).isEmpty();
    assertThat(pick(";;;, ;")).isEmpty();
  }
}
