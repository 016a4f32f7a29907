package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BasicUserAuthenticatorTest {
  private static final PasswordFile USERS = users();

  private static PasswordFile users() {
    Properties p = new Properties();
    p.setProperty("alice", "alice-pw,rest-users");
    p.setProperty("carol", "carol-pw,rest-users");
    p.setProperty("eve", "eve-pw,other");
    return PasswordFile.parse(p);
  }

  private static Credential basic(String user, String password) {
    return new Credential.ApiKey(password, user, "Basic");
  }

  @Test
  void aUserWithARequiredRoleGetsEveryPermissionUnlessNarrowed() {
    var narrowed = BasicUserPermissions.parse(new JsonObject("""
        {"users":[{"user":"carol","permissions":[{"topics":["orders*"],"operations":["produce"]}]}]}"""));
    var auth = new BasicUserAuthenticator(USERS, List.of("rest-users", "admins"), narrowed, true);

    Principal alice = auth.authenticate(basic("alice", "alice-pw")).result();
    assertThat(alice.name()).isEqualTo("alice");
    assertThat(alice.may(Operation.ADMIN, "anything")).isTrue();
    Principal carol = auth.authenticate(basic("carol", "carol-pw")).result();
    assertThat(carol.may(Operation.PRODUCE, "orders-eu")).isTrue();
    assertThat(carol.may(Operation.CONSUME, "orders-eu")).isFalse();
    assertThat(carol.may(Operation.PRODUCE, "payments")).isFalse();
  }

  @Test
  void aWrongPasswordIs401AndAMissingRoleIs403() {
    var auth = new BasicUserAuthenticator(USERS, List.of("rest-users"), Map.of(), true);

    assertRefused(auth.authenticate(basic("alice", "wrong")), 401, "alice-pw");
    assertRefused(auth.authenticate(basic("nobody", "alice-pw")), 401, "alice-pw");
    assertRefused(auth.authenticate(basic("eve", "eve-pw")), 403, "eve-pw");
  }

  @Test
  void theStarRoleAdmitsEveryUserOfTheFile() {
    var auth = new BasicUserAuthenticator(USERS, List.of("*"), Map.of(), true);

    assertThat(auth.authenticate(basic("eve", "eve-pw")).succeeded()).isTrue();
  }

  @Test
  void besideApiKeysItTakesOnlyTheUsersOfItsFile() {
    var alone = new BasicUserAuthenticator(USERS, List.of("*"), Map.of(), true);
    var besideKeys = new BasicUserAuthenticator(USERS, List.of("*"), Map.of(), false);

    assertThat(alone.checks(basic("token", "some-api-key"))).isTrue();
    assertThat(besideKeys.checks(basic("token", "some-api-key"))).isFalse();
    assertThat(besideKeys.checks(basic("alice", "x"))).isTrue();
    assertThat(besideKeys.checks(new Credential.ApiKey("k", null, "X-Auth-Token"))).isFalse();
  }

  @Test
  void aMalformedUsersListIsNamedWithTheKeyFileSetting() {
    for (String doc : new String[] {"{\"users\":{}}", "{\"users\":[{\"permissions\":[]}]}",
        "{\"users\":[{\"user\":\"a\",\"permissions\":[{\"topics\":[\"*\"],\"operations\":[\"fly\"]}]}]}",
        "{\"users\":[{\"user\":\"a\"},{\"user\":\"a\"}]}"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> BasicUserPermissions.parse(new JsonObject(doc)))
          .as(doc).isInstanceOf(io.tributary.core.config.ConfigException.class)
          .hasMessageContaining("auth.api.keys.file");
    }
    // A key file with only users is a valid key file.
    assertThat(ApiKeyStore.parse(new JsonObject("{\"users\":[]}")).size()).isZero();
  }

  private static void assertRefused(Future<Principal> result, int status, String secret) {
    assertThat(result.failed()).isTrue();
    assertThat(((TributaryException) result.cause()).status()).isEqualTo(status);
    assertThat(result.cause().getMessage()).doesNotContain(secret);
  }
}
