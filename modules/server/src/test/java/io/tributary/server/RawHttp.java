package io.tributary.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client library would send: missing or duplicated headers,
 * malformed media types, invalid UTF-8, path tricks. One request per connection ({@code Connection: close} is the
 * caller's business); the response is read until the server closes the connection or the timeout passes.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * What came back: the status (0 when no status line arrived), the raw head and the raw body (chunked bodies are
   * left encoded), and what went wrong on the way, if anything (a reset, a timeout).
   */
  record Response(int status, String head, String body, String problem) {
    /** The value of a response header, or null. */
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** Sends {@code request} as it is to 127.0.0.1:{@code port} and reads the answer. */
  static Response exchange(int port, byte[] request, int timeoutMs) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    String problem = null;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMs);
      long deadline = System.currentTimeMillis() + timeoutMs;
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // The server may answer (and close) before it has read everything, e.g. a body over the limit.
        problem = "write: " + e.getMessage();
      }
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16384];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          received.write(buffer, 0, n);
          if (System.currentTimeMillis() > deadline) {
            problem = "no end within " + timeoutMs + " ms";
            break;
          }
        }
      } catch (SocketTimeoutException e) {
        problem = "no end within " + timeoutMs + " ms";
      } catch (IOException e) {
        problem = (problem == null ? "" : problem + "; ") + "read: " + e.getMessage();
      }
    } catch (IOException e) {
      problem = "connect: " + e.getMessage();
    }
    return parse(received.toByteArray(), problem);
  }

  private static Response parse(byte[] bytes, String problem) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    String head = headEnd >= 0 ? text.substring(0, headEnd) : text;
    String body = headEnd >= 0 ? new String(bytes, headEnd + 4, bytes.length - headEnd - 4, StandardCharsets.UTF_8)
        : "";
    int status = 0;
    if (head.startsWith("HTTP/1.")) {
      String[] parts = head.split(" ", 3);
      try {
        status = Integer.parseInt(parts[1].trim());
      } catch (RuntimeException e) {
        status = 0;
      }
    }
    return new Response(status, head, body, problem);
  }
}
