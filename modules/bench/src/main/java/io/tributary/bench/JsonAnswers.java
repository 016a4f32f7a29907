package io.tributary.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;

/**
 * Jackson's streaming parser over an answer's bytes, for the checks that read every answer of a measured phase: the
 * load generator shares the machine's cores with the proxy, and building a tree of each answer (for a consume read a
 * 2.3 MB array of 10,000 records) cost it more CPU than the proxy spent rendering it. Strings that a check only needs
 * the type of are skipped unread.
 */
final class JsonAnswers {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonAnswers() {}

  /** A parser over {@code body}, which it reads in place (no copy of the whole answer). */
  static JsonParser parser(Buffer body) throws IOException {
    return FACTORY.createParser(new BufferStream(body));
  }

  private static final class BufferStream extends InputStream {
    private final Buffer body;
    private int position;

    BufferStream(Buffer body) {
      this.body = body;
    }

    @Override
    public int read() {
      return position < body.length() ? body.getByte(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      int n = Math.min(length, body.length() - position);
      if (n <= 0) {
        return length == 0 ? 0 : -1;
      }
      body.getBytes(position, position + n, into, offset);
      position += n;
      return n;
    }
  }
}
