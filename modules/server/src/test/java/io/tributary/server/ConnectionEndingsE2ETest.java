package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.http.error.FailureHandler;
import io.tributary.testkit.Eventually;
import io.tributary.testkit.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * How exchanges end when they cannot end normally: a v3 stream with a record over the body limit gets a 413 receipt
 * and a clean close (the rest of its body is read, not reset), and a client that goes away mid-request is logged
 * below ERROR.
 */
class ConnectionEndingsE2ETest {
  private static final int BODY_LIMIT = 64 * 1024;

  private static TestServer server;
  private static int port;
  private static String topic;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("request.body.max.bytes", String.valueOf(BODY_LIMIT)));
    port = URI.create(server.baseUrl()).getPort();
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("endings"), 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aStreamedRecordOverTheBodyLimitGetsA413ReceiptAndACleanClose() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      StringBuffer received = new StringBuffer();
      CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> readToEnd(socket, received));
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v3/clusters/any/topics/" + topic + "/records HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      chunk(out, "{\"value\":{\"type\":\"STRING\",\"data\":\"small\"}}\n");
      chunk(out, "{\"value\":{\"type\":\"STRING\",\"data\":\"");
      String filler = "x".repeat(16 * 1024);
      // The record grows until the server has refused it, then goes on growing: the server has answered, and the
      // client, still sending, must not be cut off (a reset would fail these writes or the read of the answer).
      for (int written = 0; !received.toString().contains("\"error_code\":4") && written < 4096; written++) {
        chunk(out, filler);
      }
      for (int i = 0; i < 1024; i++) {
        chunk(out, filler);
      }
      chunk(out, "\"}}\n");
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      answer.get(60, TimeUnit.SECONDS);
      assertThat(received.toString()).startsWith("HTTP/1.1 200").contains("\"error_code\":200")
          .contains("\"error_code\":413");
    }
  }

  @Test
  void aClientThatGoesAwayMidRequestIsNotAnError() throws Exception {
    Logger failures = (Logger) LoggerFactory.getLogger(FailureHandler.class);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Level before = failures.getLevel();
    failures.setLevel(Level.DEBUG);
    root.addAppender(events);
    try {
      // Each attempt goes away once the server has had time to start reading the body; attempts repeat until the
      // server has noticed one (it may not, when the reset overtakes the request).
      List<ILoggingEvent> seen = Eventually.get(() -> {
        goAwayMidBody();
        return List.copyOf(events.list);
      }, list -> list.stream().anyMatch(e -> e.getLoggerName().equals(FailureHandler.class.getName())));
      assertThat(seen).as("the failure handler's log").anyMatch(e -> e.getLoggerName()
          .equals(FailureHandler.class.getName()));
      assertThat(seen).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
          .filteredOn(e -> e.getLoggerName().startsWith("io.tributary") || e.getLoggerName().startsWith("io.vertx"))
          .isEmpty();
    } finally {
      root.detachAppender(events);
      failures.setLevel(before);
    }
  }

  private static void goAwayMidBody() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("POST /topics/" + topic + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
          + "application/vnd.kafka.binary.v2+json\r\nContent-Length: 50000\r\n\r\n{\"records\":[")
          .getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      // Waits for an answer that cannot come (the body is incomplete): time for the server to start reading it.
      socket.setSoTimeout(300);
      try {
        socket.getInputStream().read();
      } catch (java.net.SocketTimeoutException expected) {
        // as intended
      }
      // Reset rather than close: the server learns of it as a failed read of the body.
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void chunk(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static void readToEnd(Socket socket, StringBuffer received) {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("the connection did not end cleanly after " + received, e);
    }
  }
}
