package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documentation's examples run verbatim, in order, as on a fresh start: every shell block of the quick start,
 * the README's "Try it", the registry examples and the migration guide's side-by-side examples, with the real curl
 * against a server of their own. A command answers 2xx unless the document marks it ({@code # expect: 401}), and
 * prints what the document shows after {@code # →}. See {@link DocScript} for the conventions.
 */
class DocExamplesE2ETest {
  /** The key whose SHA-256 the documents' sample key files hold. */
  private static final String OPS_KEY = "ops-k3y-2f9c";
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

  @BeforeAll
  static void needsCurl() {
    assumeTrue(Curl.available(), "the examples are curl commands");
  }

  @Test
  void quickStartRunsVerbatim() throws IOException {
    List<DocScript.Step> steps = DocScript.parse(read("docs/quickstart.md"), null);
    assertThat(steps).filteredOn(s -> s.kind() == DocScript.Kind.START).hasSizeGreaterThanOrEqualTo(2);
    assertThat(steps).filteredOn(s -> s.expectedStatus() != null).isNotEmpty();
    try (DocRun run = new DocRun("quickstart")) {
      run.run(steps);
    }
  }

  @Test
  void readmeTryItRunsVerbatim() throws IOException {
    try (DocRun run = new DocRun("readme").start()) {
      run.run(DocScript.parse(read("README.md"), "Try it"));
    }
  }

  @Test
  void schemaRegistryExamplesRunVerbatim() throws IOException {
    try (DocRun run = new DocRun("registry").start()) {
      run.run(DocScript.parse(read("docs/schema-registry.md"), "Examples"));
    }
  }

  @Test
  void migrationGuideSideBySideExamplesRunVerbatim() throws IOException {
    try (DocRun run = new DocRun("migration").start()) {
      run.run(DocScript.parse(read("docs/migration.md"), "Moving clients from v1 to v2 to v3"));
    }
  }

  /** The sample key file of docs/security.md loads, and its plain and hashed keys both authenticate. */
  @Test
  void securitySampleKeyFileLoads() throws IOException {
    String doc = read("docs/security.md");
    Matcher block = Pattern.compile("```json\n(\\{\"api_keys\".*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find()).as("a key file in docs/security.md").isTrue();
    Path keys = Files.createTempFile("tributary-doc-keys", ".json");
    Files.writeString(keys, block.group(1));
    try (TestServer server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()))) {
      String topics = server.baseUrl() + "/topics";
      assertThat(Curl.run(List.of(topics)).status()).isEqualTo(401);
      assertThat(Curl.run(List.of("-H", "X-Auth-Token: s3cr3t", topics)).status()).isEqualTo(200);
      assertThat(Curl.run(List.of("-H", "X-Auth-Token: " + OPS_KEY, topics)).status()).isEqualTo(200);
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }
}
