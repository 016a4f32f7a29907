package io.tributary.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.security.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jetty's password-file format, with every credential form Jetty writes. */
class PasswordFileTest {
  @TempDir
  Path dir;

  @Test
  void readsPlainObfuscatedMd5AndCryptPasswordsWithTheirRoles() throws Exception {
    Path file = Files.writeString(dir.resolve("users.properties"), String.join("\n",
        "# Jetty PropertyFileLoginModule users",
        "alice: alice-pw,rest-users, admins",
        "bob: " + Password.obfuscate("bob-pw") + ",rest-users",
        "carol = " + Credential.MD5.digest("carol-pw") + ",rest-users",
        "dave: " + Credential.Crypt.crypt("dave", "dave-pw") + ",rest-users",
        "eve: eve-pw",
        ""));

    PasswordFile users = PasswordFile.read(file, "authentication.realm");

    assertThat(users.size()).isEqualTo(5);
    assertThat(users.check("alice", "alice-pw")).contains(Set.of("rest-users", "admins"));
    assertThat(users.check("bob", "bob-pw")).contains(Set.of("rest-users"));
    assertThat(users.check("carol", "carol-pw")).contains(Set.of("rest-users"));
    assertThat(users.check("dave", "dave-pw")).contains(Set.of("rest-users"));
    assertThat(users.check("eve", "eve-pw")).contains(Set.of());
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("users.properties"), "bob: " + Password.obfuscate("bob-pw")
        + ",r\ncarol: " + Credential.MD5.digest("carol-pw") + ",r\ndave: " + Credential.Crypt.crypt("dave", "dave-pw"));

    PasswordFile users = PasswordFile.read(file, "authentication.realm");

    assertThat(users.check("bob", "bob-pw2")).isEmpty();
    // The stored forms themselves are not passwords.
    assertThat(users.check("bob", Password.obfuscate("bob-pw"))).isEmpty();
    assertThat(users.check("carol", Credential.MD5.digest("carol-pw"))).isEmpty();
    assertThat(users.check("dave", "dave-p")).isEmpty();
    assertThat(users.check("mallory", "bob-pw")).isEmpty();
    assertThat(users.check("bob", null)).isEmpty();
  }

  @Test
  void aMissingFileIsNamedWithTheSetting() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> PasswordFile.read(missing, "authentication.realm"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("authentication.realm")
        .hasMessageContaining(missing.toString());
  }
}
