package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Finds the password file of {@code authentication.method=BASIC} the way Confluent's proxy does: the JAAS file
 * ({@code java.security.auth.login.config}), its section named by {@code authentication.realm}, and that section's
 * {@code PropertyFileLoginModule} with its {@code file} option. The JDK's own JAAS parser reads the file. Jetty's
 * property-file module is the only login module supported: any other stops start-up, naming it.
 */
final class JaasRealm {
  static final String SYSTEM_PROPERTY = "java.security.auth.login.config";

  /** The property-file login module under its Jetty 9–11 and Jetty 12 names. */
  static final Set<String> PROPERTY_FILE_MODULES = Set.of("org.eclipse.jetty.jaas.spi.PropertyFileLoginModule",
      "org.eclipse.jetty.security.jaas.spi.PropertyFileLoginModule");

  private static final Pattern OPTS_PROPERTY = Pattern.compile(
      "(?:^|\\s)-D" + Pattern.quote(SYSTEM_PROPERTY) + "=+(\"[^\"]*\"|'[^']*'|\\S+)");

  private JaasRealm() {}

  /** The password file of the configured realm; call only with {@code authentication.method=BASIC}. */
  static Path passwordFile(TributaryConfig config) {
    String realm = config.get(ConfigKeys.AUTHENTICATION_REALM).trim();
    if (realm.isEmpty()) {
      throw new ConfigException(ConfigKeys.AUTHENTICATION_REALM.name(),
          "authentication.method=BASIC needs the name of a section of the JAAS file");
    }
    String jaasFile = jaasFile(config, System.getProperty(SYSTEM_PROPERTY), System.getenv("KAFKAREST_OPTS"));
    if (jaasFile.isEmpty()) {
      throw new ConfigException(ConfigKeys.AUTHENTICATION_METHOD.name(), "BASIC needs a JAAS file: pass"
          + " -D" + SYSTEM_PROPERTY + "=<file> to the JVM or set " + ConfigKeys.JAAS_CONFIG_FILE.name());
    }
    return passwordFile(jaasFile, realm);
  }

  /** Where the JAAS file is: the configuration key, else the JVM's system property, else KAFKAREST_OPTS. */
  static String jaasFile(TributaryConfig config, String systemProperty, String kafkaRestOpts) {
    String configured = config.get(ConfigKeys.JAAS_CONFIG_FILE).trim();
    if (!configured.isEmpty()) {
      return configured;
    }
    if (systemProperty != null && !systemProperty.isBlank()) {
      // "-Djava.security.auth.login.config==file" (replace rather than add to the JDK's files) leaves one '='.
      return systemProperty.trim().replaceFirst("^=", "");
    }
    if (kafkaRestOpts != null) {
      Matcher m = OPTS_PROPERTY.matcher(kafkaRestOpts);
      if (m.find()) {
        return m.group(1).replaceAll("^[\"']|[\"']$", "");
      }
    }
    return "";
  }

  /** The {@code file} option of the realm's property-file login module in the JAAS file. */
  static Path passwordFile(String jaasFile, String realm) {
    String key = ConfigKeys.JAAS_CONFIG_FILE.name();
    URI location = jaasFile.startsWith("file:") ? URI.create(jaasFile) : Path.of(jaasFile).toAbsolutePath().toUri();
    if (!Files.isReadable(Path.of(location))) {
      throw new ConfigException(key, "cannot read the JAAS file " + jaasFile);
    }
    Configuration jaas;
    try {
      jaas = Configuration.getInstance("JavaLoginConfig", new URIParameter(location));
    } catch (NoSuchAlgorithmException | SecurityException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigException(key, "the JAAS file " + jaasFile + " is not valid: " + cause.getMessage());
    }
    AppConfigurationEntry[] entries = jaas.getAppConfigurationEntry(realm);
    String realmKey = ConfigKeys.AUTHENTICATION_REALM.name();
    if (entries == null || entries.length == 0) {
      throw new ConfigException(realmKey, "the JAAS file " + jaasFile + " has no section '" + realm + "'");
    }
    if (entries.length > 1) {
      throw new ConfigException(realmKey, "section '" + realm + "' of " + jaasFile + " stacks " + entries.length
          + " login modules; Tributary supports exactly one, Jetty's PropertyFileLoginModule");
    }
    AppConfigurationEntry entry = entries[0];
    if (!PROPERTY_FILE_MODULES.contains(entry.getLoginModuleName())) {
      throw new ConfigException(realmKey, "section '" + realm + "' of " + jaasFile + " uses the login module "
          + entry.getLoginModuleName() + "; Tributary supports only org.eclipse.jetty.jaas.spi.PropertyFileLoginModule");
    }
    Object file = entry.getOptions().get("file");
    if (!(file instanceof String path) || path.isBlank()) {
      throw new ConfigException(realmKey, "section '" + realm + "' of " + jaasFile
          + " has no file=\"…\" option naming the password file");
    }
    return Path.of(path);
  }
}
