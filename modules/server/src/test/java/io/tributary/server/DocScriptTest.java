package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link DocScript} reads a document's shell examples: what is a command, and what the document expects. */
class DocScriptTest {
  private static final String DOC = String.join("\n",
      "# Title",
      "## Start",
      "```",
      "mvn -B -q -DskipTests package && java -jar modules/server/target/tributary.jar",
      "```",
      "```text",
      "INFO not a command",
      "```",
      "## Use",
      "```",
      "V2=application/vnd.kafka.v2+json",
      "curl -X POST -H \"Content-Type: $V2\" http://localhost:8082/topics/t \\",
      "  -d '{\"records\":[{\"value\":\"x\"}]}'   # a trailing comment",
      "# → {\"offsets\":…}",
      "# a note for the reader",
      "# expect: 401",
      "curl http://localhost:8082/topics",
      "curl -d '{\"a\":",
      "   1}' http://localhost:8082/x",
      "cat > keys.json <<'EOF'",
      "{\"api_keys\":[]}",
      "EOF",
      "```",
      "```json",
      "{\"shown\":\"not run\"}",
      "```",
      "## Other",
      "```",
      "curl http://localhost:8082/elsewhere",
      "```",
      "");

  @Test
  void readsCommandsWithTheirExpectations() {
    List<DocScript.Step> steps = DocScript.parse(DOC, null);

    assertThat(steps).extracting(DocScript.Step::kind).containsExactly(DocScript.Kind.START,
        DocScript.Kind.ASSIGN, DocScript.Kind.CURL, DocScript.Kind.CURL, DocScript.Kind.CURL, DocScript.Kind.SHELL,
        DocScript.Kind.CURL);
    DocScript.Step produce = steps.get(2);
    assertThat(produce.command()).endsWith("# a trailing comment").contains("\n");
    assertThat(produce.expectedOutput()).isEqualTo("{\"offsets\":…}");
    assertThat(produce.expectedStatus()).isNull();
    assertThat(steps.get(3).expectedStatus()).isEqualTo(401);
    assertThat(steps.get(3).expectedOutput()).isNull();
    assertThat(steps.get(4).command()).isEqualTo("curl -d '{\"a\":\n   1}' http://localhost:8082/x");
    assertThat(steps.get(4).expectedStatus()).isNull();
    assertThat(steps.get(5).command()).isEqualTo("cat > keys.json <<'EOF'\n{\"api_keys\":[]}\nEOF");
  }

  @Test
  void readsOnlyTheNamedSection() {
    assertThat(DocScript.parse(DOC, "Other")).extracting(DocScript.Step::command)
        .containsExactly("curl http://localhost:8082/elsewhere");
  }
}
