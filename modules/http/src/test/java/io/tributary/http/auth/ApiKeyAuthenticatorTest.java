package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.TributaryException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
  private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(ApiKeyStore.parse(new JsonObject(
      "{\"api_keys\":[{\"key\":\"k1\",\"principal\":\"app1\"}]}")));

  @Test
  void theBasicUserMustBeThePrincipalOrToken() {
    assertThat(authenticator.authenticate(new Credential.ApiKey("k1", "app1", "Basic")).result().name())
        .isEqualTo("app1");
    assertThat(authenticator.authenticate(new Credential.ApiKey("k1", "token", "Basic")).succeeded()).isTrue();
    assertThat(authenticator.authenticate(new Credential.ApiKey("k1", null, "X-Auth-Token")).succeeded()).isTrue();
    var other = authenticator.authenticate(new Credential.ApiKey("k1", "app2", "Basic"));
    assertThat(other.failed()).isTrue();
    assertThat(((TributaryException) other.cause()).status()).isEqualTo(401);
  }

  @Test
  void anUnknownKeyIs401WithoutEchoingIt() {
    var result = authenticator.authenticate(new Credential.ApiKey("guess", null, "Bearer"));

    assertThat(result.failed()).isTrue();
    assertThat(((TributaryException) result.cause()).code()).isEqualTo(40101);
    assertThat(result.cause().getMessage()).doesNotContain("guess");
  }
}
