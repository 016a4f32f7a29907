package io.tributary.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small blocking HTTP client for end-to-end tests: requests are built fluently and answered as {@link Reply}.
 * Uses the JDK client so that tests exercise the server exactly as an external client would.
 */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();

  private final String baseUrl;
  private final HttpClient client;
  private final ReplyCheck check;

  public Http(String baseUrl) {
    this(baseUrl, CLIENT);
  }

  /** A client of one's own, e.g. with an {@code SSLContext} for https:// and client certificates. */
  public Http(String baseUrl, HttpClient client) {
    this(baseUrl, client, (method, path, requestHeaders, reply) -> { });
  }

  private Http(String baseUrl, HttpClient client, ReplyCheck check) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.client = client;
    this.check = check;
  }

  /**
   * Checks every reply a client receives before the test sees it, e.g. against the API document of the path; the
   * check throws an AssertionError to fail the test.
   */
  @FunctionalInterface
  public interface ReplyCheck {
    /** {@code requestHeaders} alternates names and values, as sent. */
    void check(String method, String path, List<String> requestHeaders, Reply reply);
  }

  /** The same client, with {@code check} run on every reply (after any check this client already runs). */
  public Http checkedBy(ReplyCheck check) {
    ReplyCheck before = this.check;
    return new Http(baseUrl, client, (method, path, headers, reply) -> {
      before.check(method, path, headers, reply);
      check.check(method, path, headers, reply);
    });
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Call get(String path) {
    return new Call("GET", path);
  }

  public Call post(String path) {
    return new Call("POST", path);
  }

  public Call delete(String path) {
    return new Call("DELETE", path);
  }

  public Call put(String path) {
    return new Call("PUT", path);
  }

  public Call patch(String path) {
    return new Call("PATCH", path);
  }

  public Call options(String path) {
    return new Call("OPTIONS", path);
  }

  /** One request being built. */
  public final class Call {
    private final String method;
    private final String path;
    private final List<String> headers = new ArrayList<>();
    private byte[] body;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Call header(String name, String value) {
      headers.add(name);
      headers.add(value);
      return this;
    }

    public Call contentType(String type) {
      return header("Content-Type", type);
    }

    public Call accept(String type) {
      return header("Accept", type);
    }

    public Call body(String text) {
      this.body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return this;
    }

    public Call body(byte[] bytes) {
      this.body = bytes;
      return this;
    }

    public Reply send() {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
      for (int i = 0; i < headers.size(); i += 2) {
        b.header(headers.get(i), headers.get(i + 1));
      }
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
            r.headers().map());
        check.check(method, path, List.copyOf(headers), reply);
        return reply;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A response: status, content type and body, with JSON accessors. */
  public record Reply(int status, String contentType, byte[] bytes, java.util.Map<String, List<String>> headers) {
    public String text() {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonObject json() {
      return new JsonObject(text());
    }

    public JsonArray array() {
      return new JsonArray(text());
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + text();
    }
  }
}
