package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.auth.Operation;
import io.tributary.core.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {
  private static final String OPS_KEY = "ops-key-123";

  private static ApiKeyStore store() {
    String opsHash = HexFormat.of().formatHex(ApiKeyStore.sha256(OPS_KEY));
    return ApiKeyStore.parse(new JsonObject("""
        {"api_keys":[{"key":"s3cr3t","principal":"app1","permissions":[{"topics":["orders*"],"operations":["produce","consume"]}]},
                     {"key_sha256":"%s","principal":"ops","permissions":[{"topics":["*"],"operations":["produce","consume","admin"]}]}]}
        """.formatted(opsHash)));
  }

  @Test
  void aPlainKeyAuthenticatesItsPrincipalWithItsPermissions() {
    var app1 = store().authenticate("s3cr3t").orElseThrow();
    assertThat(app1.name()).isEqualTo("app1");
    assertThat(app1.may(Operation.PRODUCE, "orders-eu")).isTrue();
    assertThat(app1.may(Operation.ADMIN, "orders-eu")).isFalse();
    assertThat(app1.may(Operation.PRODUCE, "payments")).isFalse();
    assertThat(app1.maySee("payments")).isFalse();
  }

  @Test
  void aHashedKeyAuthenticatesByItsDigest() {
    var ops = store().authenticate(OPS_KEY).orElseThrow();
    assertThat(ops.name()).isEqualTo("ops");
    assertThat(ops.may(Operation.ADMIN, "anything")).isTrue();
  }

  @Test
  void unknownMissingOrNearlyRightKeysDoNotAuthenticate() {
    assertThat(store().authenticate("s3cr3")).isEmpty();
    assertThat(store().authenticate("s3cr3t ")).isEmpty();
    assertThat(store().authenticate("")).isEmpty();
    assertThat(store().authenticate(null)).isEmpty();
  }

  @Test
  void malformedDocumentsNameTheSetting() {
    assertThatThrownBy(() -> ApiKeyStore.parse(new JsonObject("{}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auth.api.keys.file");
    assertThatThrownBy(() -> ApiKeyStore.parse(new JsonObject(
        "{\"api_keys\":[{\"key\":\"a\",\"key_sha256\":\"00\",\"principal\":\"p\"}]}")))
        .hasMessageContaining("exactly one of");
    assertThatThrownBy(() -> ApiKeyStore.parse(new JsonObject(
        "{\"api_keys\":[{\"key_sha256\":\"abc\",\"principal\":\"p\"}]}")))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> ApiKeyStore.parse(new JsonObject(
        "{\"api_keys\":[{\"key\":\"a\",\"principal\":\"p\",\"permissions\":[{\"topics\":[\"*\"],\"operations\":[\"fly\"]}]}]}")))
        .hasMessageContaining("unknown operation 'fly'");
  }

  @Test
  void aPermissionMayNameRegistrySubjects() {
    var reader = ApiKeyStore.parse(new JsonObject("""
        {"api_keys":[{"key":"k","principal":"reader","permissions":[
          {"subjects":["orders-*"],"operations":["schema-read"]}]}]}
        """)).authenticate("k").orElseThrow();
    assertThat(reader.mayOnSubject(Operation.SCHEMA_READ, "orders-value")).isTrue();
    assertThat(reader.mayOnSubject(Operation.SCHEMA_WRITE, "orders-value")).isFalse();
    assertThat(reader.may(Operation.CONSUME, "orders")).isFalse();
    assertThatThrownBy(() -> ApiKeyStore.parse(new JsonObject(
        "{\"api_keys\":[{\"key\":\"a\",\"principal\":\"p\",\"permissions\":[{\"subjects\":\"x\"}]}]}")))
        .hasMessageContaining("subjects must be a list");
  }
}
