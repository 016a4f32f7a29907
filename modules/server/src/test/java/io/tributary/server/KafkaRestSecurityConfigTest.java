package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.TributaryConfig;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The security keys of a kafka-rest.properties file: the ones Tributary honours are read as Confluent's proxy reads
 * them, and the ones it does not stop start-up naming the key, never leaving a security setting silently dropped.
 */
class KafkaRestSecurityConfigTest {
  @TempDir
  Path dir;

  private static TributaryConfig config(Map<String, String> values) {
    return new TributaryConfig(values);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "authentication.method|BEARER|auth.jwt.public.keys",
      "authentication.skip.paths|/v3/clusters|auth.api.keys.file",
      "kafka.rest.resource.extension.class|io.confluent.kafkarest.security.KafkaRestSecurityResourceExtension|auth.",
      "rest.servlet.initializor.classes|io.confluent.common.security.jetty.initializer.InstallBearerOrBasicSecurityHandler|auth.",
      "confluent.rest.auth.propagate.method|SSL|client.",
      "confluent.metadata.bootstrap.server.urls|http://mds:8090|auth.api.keys.file",
      "public.key.path|/etc/kafka-rest/public.pem|auth.jwt.public.keys",
      "dos.filter.enabled|true|rate.limit.enable",
      "ssl.keystore.reload|true|ssl.keystore",
      "ssl.provider|BC|ssl.keystore",
      "ssl.keymanager.algorithm|NewSunX509|ssl.keystore"})
  void anUnhonouredSecurityKeyStopsStartUpNamingItAndTheReplacement(String key, String value, String advice) {
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of(key, value))))
        .isInstanceOf(ConfigException.class).hasMessageContaining(key).hasMessageContaining(advice)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aTypicalConfluentFileWithBearerAuthenticationDoesNotStart() throws Exception {
    Path file = Files.writeString(dir.resolve("kafka-rest.properties"), String.join("\n",
        "bootstrap.servers=PLAINTEXT://127.0.0.1:1",
        "listeners=http://127.0.0.1:0",
        "zookeeper.connect=localhost:2181",
        "client.security.protocol=SASL_PLAINTEXT",
        "authentication.method=BEARER",
        "kafka.rest.resource.extension.class=io.confluent.kafkarest.security.KafkaRestSecurityResourceExtension",
        ""));
    TributaryConfig config = ConfigLoader.load(file, Map.of());

    // Refused before anything starts: no broker, no listener, no Kafka client.
    assertThatThrownBy(() -> TributaryServer.start(config)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("authentication.method").hasMessageContaining("auth.jwt");
  }

  @Test
  void settingsThatChangeNothingAreAccepted() {
    assertThatCode(() -> ConfigValidator.validate(config(Map.of("ssl.protocol", "TLS",
        "ssl.endpoint.identification.algorithm", "https", "ssl.keystore.reload", "false", "dos.filter.enabled",
        "false", "client.security.protocol", "SASL_SSL", "client.sasl.mechanism", "PLAIN",
        "authentication.method", "NONE")))).doesNotThrowAnyException();
  }

  @Test
  void theKafkaRestSecurityKeysAreNotReportedAsUnknown() {
    var unknown = ConfigValidator.validate(config(Map.of("access.control.allow.origin", "*",
        "access.control.allow.methods", "GET,POST,OPTIONS", "ssl.client.auth", "false", "api.v2.enable", "true",
        "api.v3.enable", "false", "api.endpoints.blocklist", "api.v3.acls.*", "authentication.roles", "admin")));
    assertThat(unknown).isEmpty();
  }

  @Test
  void basicAuthenticationWithoutARealmOrAJaasFileDoesNotStart() {
    assertThatThrownBy(() -> Security.load(config(Map.of("authentication.method", "BASIC"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("authentication.realm");
    // No -Djava.security.auth.login.config in the test JVM, no key: nothing names a JAAS file.
    assertThat(System.getProperty(JaasRealm.SYSTEM_PROPERTY)).isNull();
    assertThatThrownBy(() -> JaasRealm.passwordFile(config(Map.of("authentication.method", "BASIC",
        "authentication.realm", "KafkaRest"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("java.security.auth.login.config");
  }

  @Test
  void theJaasFileComesFromTheKeyTheSystemPropertyOrKafkarestOpts() {
    TributaryConfig none = config(Map.of());
    assertThat(JaasRealm.jaasFile(config(Map.of("java.security.auth.login.config", "/a.conf")), "/b.conf", null))
        .isEqualTo("/a.conf");
    assertThat(JaasRealm.jaasFile(none, "/b.conf", "-Djava.security.auth.login.config=/c.conf")).isEqualTo("/b.conf");
    assertThat(JaasRealm.jaasFile(none, "=/b.conf", null)).isEqualTo("/b.conf");
    assertThat(JaasRealm.jaasFile(none, null, "-Xmx1g -Djava.security.auth.login.config=/etc/kafka-rest/jaas.conf"
        + " -Dfoo=bar")).isEqualTo("/etc/kafka-rest/jaas.conf");
    assertThat(JaasRealm.jaasFile(none, null, "-Djava.security.auth.login.config=\"/x y/jaas.conf\""))
        .isEqualTo("/x y/jaas.conf");
    assertThat(JaasRealm.jaasFile(none, null, "-Xmx1g")).isEmpty();
  }

  @Test
  void theRealmsPropertyFileModuleNamesThePasswordFile() throws Exception {
    Path jaas = Files.writeString(dir.resolve("jaas.conf"), """
        KafkaRest {
          org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required
          file="/etc/kafka-rest/password.properties"
          debug="false";
        };
        Other {
          com.sun.security.auth.module.LdapLoginModule required userProvider="ldap://ldap.example.com";
        };
        Stacked {
          org.eclipse.jetty.jaas.spi.PropertyFileLoginModule sufficient file="/a";
          org.eclipse.jetty.jaas.spi.PropertyFileLoginModule sufficient file="/b";
        };
        """);

    assertThat(JaasRealm.passwordFile(jaas.toString(), "KafkaRest"))
        .isEqualTo(Path.of("/etc/kafka-rest/password.properties"));
    assertThatThrownBy(() -> JaasRealm.passwordFile(jaas.toString(), "Other")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("com.sun.security.auth.module.LdapLoginModule")
        .hasMessageContaining("PropertyFileLoginModule");
    assertThatThrownBy(() -> JaasRealm.passwordFile(jaas.toString(), "Missing")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("no section 'Missing'");
    assertThatThrownBy(() -> JaasRealm.passwordFile(jaas.toString(), "Stacked")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("exactly one");
  }

  @Test
  void theJvmsSystemPropertyNamesTheJaasFile() throws Exception {
    Path jaas = Files.writeString(dir.resolve("jvm-jaas.conf"), """
        KafkaRest { org.eclipse.jetty.jaas.spi.PropertyFileLoginModule required file="/etc/users.properties"; };
        """);
    System.setProperty(JaasRealm.SYSTEM_PROPERTY, jaas.toString());
    try {
      assertThat(JaasRealm.passwordFile(config(Map.of("authentication.method", "BASIC",
          "authentication.realm", "KafkaRest")))).isEqualTo(Path.of("/etc/users.properties"));
    } finally {
      System.clearProperty(JaasRealm.SYSTEM_PROPERTY);
    }
  }

  @Test
  void anUnreadableOrMalformedJaasFileIsNamed() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.conf"), "KafkaRest { this is not jaas");

    assertThatThrownBy(() -> JaasRealm.passwordFile(broken.toString(), "KafkaRest"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("java.security.auth.login.config")
        .hasMessageContaining(broken.toString());
    assertThatThrownBy(() -> JaasRealm.passwordFile(dir.resolve("missing.conf").toString(), "KafkaRest"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
  }

  @Test
  void theOlderSslClientAuthBooleanMeansRequiredUnlessTheNewerKeyIsSet() {
    assertThat(ServerTls.clientAuthentication(config(Map.of("ssl.client.auth", "true")))).isEqualTo("REQUIRED");
    assertThat(ServerTls.clientAuthentication(config(Map.of("ssl.client.auth", "false")))).isEqualTo("NONE");
    assertThat(ServerTls.clientAuthentication(config(Map.of("ssl.client.auth", "true",
        "ssl.client.authentication", "REQUESTED")))).isEqualTo("REQUESTED");
    // And it needs something to trust, like the newer key.
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of("listeners", "https://0.0.0.0:8443",
        "ssl.keystore.location", "/x.p12", "ssl.client.auth", "true"))))
        .hasMessageContaining("ssl.truststore.location");
  }

  @Test
  void corsOriginsArePatternsAndMethodsAreChecked() {
    assertThat("https://app.example.com").matches(CorsSettings.toRegex("https://*.example.com"));
    assertThat("https://example.org").doesNotMatch(CorsSettings.toRegex("https://*.example.com"));
    assertThat("http://a.b").matches(CorsSettings.toRegex("*"));
    assertThat("http://a.b").doesNotMatch(CorsSettings.toRegex("http://a+b"));
    assertThatThrownBy(() -> ConfigValidator.validate(config(Map.of("access.control.allow.origin", "*",
        "access.control.allow.methods", "GET,P O S T")))).hasMessageContaining("access.control.allow.methods");
  }

  @Test
  void endpointsHaveKafkaRestsNames() {
    assertThat(ApiEndpointNames.v3(HttpMethod.GET, "/v3/clusters/c1/topics"))
        .contains(new ApiEndpointNames.Name("api.v3.topics.*", "api.v3.topics.list"));
    assertThat(ApiEndpointNames.v3(HttpMethod.GET, "/kafka/v3/clusters/c1/topics/t/partitions/0/replicas/1"))
        .contains(new ApiEndpointNames.Name("api.v3.replicas.*", "api.v3.replicas.get"));
    assertThat(ApiEndpointNames.v3(HttpMethod.POST, "/v3/clusters/c1/topics/t/records"))
        .contains(new ApiEndpointNames.Name("api.v3.produce.*", "api.v3.produce.produce-to-topic"));
    assertThat(ApiEndpointNames.v3(HttpMethod.GET, "/v3/clusters/c1/brokers/-/configs"))
        .contains(new ApiEndpointNames.Name("api.v3.brokers-configs.*", "api.v3.brokers-configs.list"));
    assertThat(ApiEndpointNames.v3(HttpMethod.GET, "/v3/openapi.yaml")).isEmpty();
    assertThat(ApiEndpointNames.v2(HttpMethod.POST, "/topics/t", "application/vnd.kafka.jsonschema.v2+json", null))
        .contains(new ApiEndpointNames.Name("api.v2.produce-to-topic.*", "api.v2.produce-to-topic.json-schema"));
    assertThat(ApiEndpointNames.v2(HttpMethod.GET, "/consumers/g/instances/i/records", null,
        "application/vnd.kafka.avro.v2+json"))
        .contains(new ApiEndpointNames.Name("api.v2.consumers.*", "api.v2.consumers.consume-avro"));
    assertThat(ApiEndpointNames.v2(HttpMethod.POST, "/consumers/g/instances/i/positions/end", null, null))
        .contains(new ApiEndpointNames.Name("api.v2.consumers.*", "api.v2.consumers.seek-to-end"));
  }

  @Test
  void anAllowlistAdmitsOnlyWhatItNamesAndTheBlocklistWins() {
    ApiEndpointFilter filter = ApiEndpointFilter.fromConfig(config(Map.of(
        "api.endpoints.allowlist", "api.v3.topics.*,api.v3.clusters.list",
        "api.endpoints.blocklist", "api.v3.topics.delete")), null).orElseThrow();

    assertThat(filter.blocked(new ApiEndpointNames.Name("api.v3.topics.*", "api.v3.topics.list"))).isFalse();
    assertThat(filter.blocked(new ApiEndpointNames.Name("api.v3.clusters.*", "api.v3.clusters.list"))).isFalse();
    assertThat(filter.blocked(new ApiEndpointNames.Name("api.v3.clusters.*", "api.v3.clusters.get"))).isTrue();
    assertThat(filter.blocked(new ApiEndpointNames.Name("api.v3.topics.*", "api.v3.topics.delete"))).isTrue();
    assertThat(filter.blocked(new ApiEndpointNames.Name("api.v3.acls.*", "api.v3.acls.list"))).isTrue();
    assertThat(ApiEndpointFilter.fromConfig(config(Map.of()), null)).isEmpty();
  }
}
