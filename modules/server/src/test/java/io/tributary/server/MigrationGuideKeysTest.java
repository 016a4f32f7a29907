package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.ConfigKey;
import io.tributary.core.config.ConfigKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/migration.md accounts for every key Tributary reads and every kafka-rest key it accepts without effect, so
 * that a key added to {@link ConfigKeys#ALL} without a line in the migration guide fails the build.
 */
class MigrationGuideKeysTest {
  private static final Path GUIDE = Path.of(System.getProperty("user.dir")).resolve("../../docs/migration.md")
      .normalize();

  @Test
  void everyConfigurationKeyIsInTheMigrationGuide() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    List<String> missing = ConfigKeys.ALL.stream().map(ConfigKey::name)
        .filter(name -> !guide.contains("`" + name + "`")).toList();
    assertThat(missing).as("keys of ConfigKeys.ALL that docs/migration.md does not mention").isEmpty();
  }

  @Test
  void everyKafkaRestKeyAcceptedWithoutEffectIsInTheMigrationGuide() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    assertThat(ConfigValidator.ACCEPTED_WITHOUT_EFFECT).isNotEmpty()
        .allSatisfy(name -> assertThat(guide).as("docs/migration.md").contains("`" + name + "`"));
  }

  @Test
  void everyPassThroughPrefixIsInTheMigrationGuide() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    assertThat(ConfigKeys.PASS_THROUGH_PREFIXES)
        .allSatisfy(prefix -> assertThat(guide).as("docs/migration.md").contains("`" + prefix + "*`"));
  }
}
