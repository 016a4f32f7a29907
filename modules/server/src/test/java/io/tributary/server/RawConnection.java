package io.tributary.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One plain TCP connection to a listener, for what no HTTP client will do: keep a connection idle, send a request's
 * headers or body a few bytes at a time, and tell when the server closes the connection.
 */
final class RawConnection implements AutoCloseable {
  /** The longest any wait here lasts; a bound for a broken server, not an expectation of speed. */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** An HTTP/1.1 response as read from the wire. */
  record Response(int status, String head, String body) {}

  private final Socket socket;
  private final BufferedInputStream in;
  private final OutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects to the host and port of {@code url}. */
  static RawConnection open(String url) {
    URI uri = URI.create(url);
    try {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) LIMIT.toMillis());
      return new RawConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text}; false when the server has closed the connection. */
  boolean send(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads one response with a Content-Length body. */
  Response readResponse() {
    try {
      socket.setSoTimeout((int) LIMIT.toMillis());
      String head = readHead();
      int status = Integer.parseInt(head.substring(9, 12));
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      return new Response(status, head, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.size() + " bytes of a response head: " + head);
      }
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
  }

  /** What the server did while the client waited. */
  enum Outcome { SILENT, ANSWERED, CLOSED }

  /** Waits up to {@code pause} for the server to send something or close the connection; consumes nothing. */
  Outcome waitFor(Duration pause) {
    try {
      socket.setSoTimeout((int) Math.max(1, pause.toMillis()));
      in.mark(1);
      int b = in.read();
      if (b < 0) {
        return Outcome.CLOSED;
      }
      in.reset();
      return Outcome.ANSWERED;
    } catch (SocketTimeoutException e) {
      return Outcome.SILENT;
    } catch (IOException e) {
      // A reset is a close too.
      return Outcome.CLOSED;
    }
  }

  /** Waits until the server closes the connection, discarding anything it sends first; false at the limit. */
  boolean awaitClosed() {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Outcome outcome = waitFor(Duration.ofMillis(500));
      if (outcome == Outcome.CLOSED) {
        return true;
      }
      if (outcome == Outcome.ANSWERED) {
        try {
          in.skip(Math.max(1, in.available()));
        } catch (IOException e) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Sends {@code piece} again and again, waiting {@code pause} after each, until the server answers or closes the
   * connection (SILENT only when it did neither within the limit).
   */
  Outcome trickle(String piece, Duration pause) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!send(piece)) {
        return Outcome.CLOSED;
      }
      Outcome outcome = waitFor(pause);
      if (outcome != Outcome.SILENT) {
        return outcome;
      }
    }
    return Outcome.SILENT;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a closed socket
    }
  }
}
