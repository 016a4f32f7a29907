package io.tributary.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request or reply of the wrong type is a compile error, not a run-time surprise. */
class BusTypeSafetyTest {
  @TempDir
  Path out;

  @Test
  void theRightTypesCompile() throws IOException {
    assertThat(compile("""
        io.vertx.core.Future<io.tributary.core.metadata.ClusterBrokers> reply =
            AdminOps.PING.call(vertx, new io.tributary.core.metadata.Ping());
        AdminOps.PING.serve(vertx, ping -> io.vertx.core.Future.succeededFuture(
            new io.tributary.core.metadata.ClusterBrokers("c", 1, java.util.List.of())));
        """)).isEmpty();
  }

  @Test
  void aRequestOfAnotherOperationDoesNotCompile() throws IOException {
    assertThat(compile("AdminOps.PING.call(vertx, new io.tributary.core.metadata.ListTopics());"))
        .anyMatch(error -> error.contains("ListTopics"));
  }

  @Test
  void aReplyReadAsAnotherTypeDoesNotCompile() throws IOException {
    assertThat(compile("""
        io.vertx.core.Future<io.tributary.core.metadata.TopicNames> reply =
            AdminOps.PING.call(vertx, new io.tributary.core.metadata.Ping());
        """)).isNotEmpty();
  }

  @Test
  void anEngineAnsweringWithAnotherReplyDoesNotCompile() throws IOException {
    assertThat(compile("""
        AdminOps.PING.serve(vertx, ping -> io.vertx.core.Future.succeededFuture(
            new io.tributary.core.metadata.TopicNames(java.util.List.of())));
        """)).isNotEmpty();
  }

  private List<String> compile(String statements) throws IOException {
    String source = "package io.tributary.core.bus;\nclass Probe {\n  void probe(io.vertx.core.Vertx vertx) {\n"
        + statements + "\n  }\n}\n";
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///io/tributary/core/bus/Probe.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(out);
    compiler.getTask(null, null, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
        "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).toList();
  }
}
