package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tributary.core.error.TributaryException;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialExtractorsTest {
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

  private static HttpServerRequest withHeader(String name, String value) {
    HttpServerRequest request = mock(HttpServerRequest.class);
    when(request.getHeader(name)).thenReturn(value);
    return request;
  }

  @Test
  void bearerCarriesAJwtOnlyWhenJwtsAreEnabledAndTheTokenHasTheirShape() {
    assertThat(new BearerExtractor(true).extract(withHeader("Authorization", "Bearer " + JWT)))
        .containsInstanceOf(Credential.Jwt.class);
    assertThat(new BearerExtractor(false).extract(withHeader("Authorization", "Bearer " + JWT)))
        .containsInstanceOf(Credential.ApiKey.class);
    assertThat(new BearerExtractor(true).extract(withHeader("Authorization", "bearer  my-api-key ")))
        .contains(new Credential.ApiKey("my-api-key", null, "Bearer"));
    assertThat(new BearerExtractor(true).extract(withHeader("Authorization", "Basic abc"))).isEmpty();
    assertThat(new BearerExtractor(true).extract(withHeader("Authorization", "Bearerish x"))).isEmpty();
  }

  @Test
  void jwtShapeNeedsExactlyThreeBase64UrlParts() {
    assertThat(BearerExtractor.looksLikeJwt(JWT)).isTrue();
    assertThat(BearerExtractor.looksLikeJwt("a.b.")).isTrue();
    assertThat(BearerExtractor.looksLikeJwt("a.b")).isFalse();
    assertThat(BearerExtractor.looksLikeJwt("a.b.c.d")).isFalse();
    assertThat(BearerExtractor.looksLikeJwt(".b.c")).isFalse();
    assertThat(BearerExtractor.looksLikeJwt("a+b.c.d")).isFalse();
  }

  @Test
  void basicSplitsAtTheFirstColonSoKeysMayContainColons() {
    String encoded = Base64.getEncoder().encodeToString("token:key:with:colons".getBytes(StandardCharsets.UTF_8));

    assertThat(new BasicExtractor().extract(withHeader("Authorization", "Basic " + encoded)))
        .contains(new Credential.ApiKey("key:with:colons", "token", "Basic"));
    assertThatThrownBy(() -> new BasicExtractor().extract(withHeader("Authorization", "Basic %%%")))
        .isInstanceOf(TributaryException.class).hasMessageContaining("base64");
    String noColon = Base64.getEncoder().encodeToString("justakey".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new BasicExtractor().extract(withHeader("Authorization", "Basic " + noColon)))
        .isInstanceOf(TributaryException.class);
  }

  @Test
  void credentialsNeverPrintTheirSecret() {
    assertThat(new Credential.ApiKey("s3cr3t", "token", "Basic").toString()).doesNotContain("s3cr3t");
    assertThat(new Credential.Jwt(JWT).toString()).doesNotContain(JWT);
  }
}
