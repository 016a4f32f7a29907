package io.tributary.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit this jar was built from: the version from the Maven project version (resource
 * filtering of {@code tributary-version.properties}), the commit from {@code tributary-git.properties}, which the
 * git-commit-id plugin writes at build time when the sources are a git checkout ({@code unknown} otherwise).
 */
record BuildInfo(String version, String commit) {
  static final String UNKNOWN = "unknown";
  private static final BuildInfo CURRENT = load();

  static BuildInfo current() {
    return CURRENT;
  }

  /** {@code tributary 1.2.3 (commit 0123abc…)}: what {@code --version} prints and start-up logs. */
  String describe() {
    return "tributary " + version + " (commit " + commit + ")";
  }

  /** The body of {@code GET /version}. */
  JsonObject toJson() {
    return new JsonObject().put("version", version).put("commit", commit);
  }

  private static BuildInfo load() {
    Properties version = resource("/tributary-version.properties");
    Properties git = resource("/tributary-git.properties");
    String commit = git.getProperty("git.commit.id.full", UNKNOWN);
    if ("true".equals(git.getProperty("git.dirty"))) {
      commit += "-dirty";
    }
    return new BuildInfo(version.getProperty("version", UNKNOWN), commit.isBlank() ? UNKNOWN : commit);
  }

  private static Properties resource(String name) {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
