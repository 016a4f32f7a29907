package io.tributary.bench;

/**
 * The main class of a node process ({@code --cluster-jvm own}): the server's own main, plus a watch on the harness
 * that started it. A harness that ends without closing its nodes (Kafka halts the JVM when its embedded broker's log
 * directory fails, skipping every shutdown hook) takes its nodes with it instead of leaving them running.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    ProcessHandle.current().parent().ifPresent(harness -> harness.onExit().thenRun(() -> System.exit(1)));
    io.tributary.server.Main.main(args);
  }
}
