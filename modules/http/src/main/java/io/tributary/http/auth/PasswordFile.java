package io.tributary.http.auth;

import io.tributary.core.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A password file in the format of Jetty's {@code PropertyFileLoginModule}, which Confluent's proxy uses for
 * {@code authentication.method=BASIC}: one {@code user: password[,role…]} per line, in Java properties syntax
 * ({@code =} works as well as {@code :}, {@code #} starts a comment). The password is plain or one of Jetty's
 * {@code OBF:}, {@code MD5:} and {@code CRYPT:} forms; Jetty's own {@code Credential} checks it. Read once, at
 * start-up; checking a password is cheap (no file access, no slow hash), so it may run on an event loop.
 */
public final class PasswordFile {
  /** One user's credential and roles. */
  record User(org.eclipse.jetty.util.security.Credential credential, Set<String> roles) {}

  private final Map<String, User> users;

  private PasswordFile(Map<String, User> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * Reads the file.
   *
   * @param setting the setting that named the file, for the start-up message when it cannot be read
   */
  public static PasswordFile read(Path file, String setting) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(setting, "cannot read the password file " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
    return parse(properties);
  }

  /** The users of already loaded properties (user name → {@code password[,role…]}). */
  static PasswordFile parse(Properties properties) {
    Map<String, User> users = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      String user = name.trim();
      if (user.isEmpty()) {
        continue;
      }
      String value = properties.getProperty(name).trim();
      int comma = value.indexOf(',');
      String password = comma < 0 ? value : value.substring(0, comma).trim();
      Set<String> roles = comma < 0 ? Set.of() : Arrays.stream(value.substring(comma + 1).split(","))
          .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
      users.put(user, new User(org.eclipse.jetty.util.security.Credential.getCredential(password), roles));
    }
    return new PasswordFile(users);
  }

  /** The roles of {@code user} if {@code password} is theirs; empty for an unknown user or a wrong password. */
  public Optional<Set<String>> check(String user, String password) {
    User found = users.get(user);
    if (found == null || password == null || !found.credential().check(password)) {
      return Optional.empty();
    }
    return Optional.of(found.roles());
  }

  public boolean contains(String user) {
    return users.containsKey(user);
  }

  public int size() {
    return users.size();
  }
}
