package io.tributary.produce.v3;

import io.vertx.core.buffer.Buffer;

/**
 * Cuts a stream of concatenated JSON values (the body of a v3 streaming produce) into one frame per value, as the
 * bytes arrive, without parsing them: it only follows brackets and strings. Each frame is then decoded on its own,
 * so a malformed record spoils only itself.
 *
 * <p>Why not one incremental JSON parser over the whole stream: after a syntax error such a parser cannot go on,
 * so one bad record would end the stream (that is what kafka-rest did). Framing by structure lets the stream
 * resynchronise after most errors: a closing bracket also closes brackets left open inside it, a closing bracket
 * that matches nothing ends the broken frame, and so does a raw line break inside a string (which JSON forbids,
 * and which newline-separated clients produce when a string is cut short). Only an object that is never closed
 * swallows what follows, up to the size limit or the end of the body. It also
 * gives each record's exact size in bytes, which the size limit and the byte rate limit need.
 *
 * <p>Works on bytes: in UTF-8 and ISO-8859-1 every structural character is a single ASCII byte that cannot occur
 * inside a multi-byte sequence. Each chunk is copied out of the network buffer once; a frame that lies within one
 * chunk is handed over as a slice of that copy, only a frame that spans chunks is put together. Inside strings and
 * between brackets the scan runs ahead to the next byte that matters (most of a record is string content). Not
 * thread-safe; one per stream.
 */
final class RecordFramer {
  /** Receives a frame: {@code length} bytes of {@code bytes} from {@code offset}, to be read before it returns. */
  @FunctionalInterface
  interface Frames {
    void accept(byte[] bytes, int offset, int length);
  }

  private final long maxFrameBytes;
  private final Frames frames;
  private final Runnable oversize;

  // The current frame's bytes from earlier chunks; the part in the current chunk is copied when it ends.
  private Buffer partial = Buffer.buffer();
  private boolean inFrame;
  private boolean scalar;
  private boolean inString;
  private boolean escaped;
  // Open brackets of the current frame, innermost last: '{' or '['.
  private byte[] open = new byte[16];
  private int depth;
  private boolean sawContent;
  private boolean stopped;

  /**
   * @param maxFrameBytes the largest frame; one byte more stops the framer and calls {@code oversize}
   * @param frames receives each complete (or, at a structural error, broken) frame
   */
  RecordFramer(long maxFrameBytes, Frames frames, Runnable oversize) {
    this.maxFrameBytes = maxFrameBytes;
    this.frames = frames;
    this.oversize = oversize;
  }

  /** Whether anything but whitespace has arrived. */
  boolean sawContent() {
    return sawContent;
  }

  /** Ignores everything from now on (the stream is being terminated). */
  void stop() {
    stopped = true;
    partial = Buffer.buffer();
  }

  void feed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    int start = 0;
    // Bytes of the current frame that arrived in earlier chunks.
    long carried = partial.length();
    for (int i = 0; i < bytes.length && !stopped; i++) {
      byte b = bytes[i];
      if (!inFrame) {
        if (isWhitespace(b)) {
          continue;
        }
        sawContent = true;
        startFrame(b);
        start = i;
        carried = 0;
        continue;
      }
      if (carried + (i - start + 1L) > maxFrameBytes) {
        stopped = true;
        partial = Buffer.buffer();
        oversize.run();
        return;
      }
      // Run ahead over bytes that cannot change the state, but not past the frame's size limit (checked above for
      // the byte the loop stops at).
      int end = (int) Math.min(bytes.length, start - carried + maxFrameBytes);
      if (inString && !escaped) {
        while (i < end && b != '"' && b != '\\' && (b < 0 || b >= 0x20)) {
          b = ++i < end ? bytes[i] : 0;
        }
        if (i >= end) {
          i--;
          continue;
        }
      } else if (!inString && !scalar) {
        while (i < end && b != '"' && b != '{' && b != '[' && b != '}' && b != ']') {
          b = ++i < end ? bytes[i] : 0;
        }
        if (i >= end) {
          i--;
          continue;
        }
      }
      if (scalar) {
        if (isWhitespace(b) || b == '{' || b == '[' || b == '"') {
          // A bare value ends where whitespace or the next value begins; that byte is read again between values.
          emit(bytes, start, i);
          i--;
        }
      } else if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          if (depth == 0) {
            emit(bytes, start, i + 1);
          }
        } else if (b >= 0 && b < 0x20) {
          // JSON strings cannot hold raw control characters: the string was cut short. The frame ends before this
          // byte (usually a line break), which is read again between values.
          emit(bytes, start, i);
          i--;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        push(b);
      } else if (b == '}' || b == ']') {
        int opener = innermost(b == '}' ? (byte) '{' : (byte) '[');
        // A closer without its opener ends the broken frame here. A closer that skips unclosed brackets (a
        // forgotten ']') closes them too, so that the frame still ends where the client meant it to.
        depth = opener < 0 ? 0 : opener;
        if (depth == 0) {
          emit(bytes, start, i + 1);
        }
      }
    }
    if (inFrame && !stopped) {
      partial.appendBytes(bytes, start, bytes.length - start);
    }
  }

  /** The body ended: an unfinished frame is handed over as it is (decoding will call it incomplete). */
  void end() {
    if (inFrame && !stopped) {
      byte[] rest = partial.getBytes();
      reset();
      frames.accept(rest, 0, rest.length);
    }
  }

  private void startFrame(byte b) {
    inFrame = true;
    scalar = b != '"' && b != '{' && b != '[';
    inString = b == '"';
    escaped = false;
    depth = 0;
    if (b == '{' || b == '[') {
      push(b);
    }
  }

  private void push(byte b) {
    if (depth == open.length) {
      byte[] grown = new byte[open.length * 2];
      System.arraycopy(open, 0, grown, 0, open.length);
      open = grown;
    }
    open[depth++] = b;
  }

  private int innermost(byte opener) {
    for (int j = depth - 1; j >= 0; j--) {
      if (open[j] == opener) {
        return j;
      }
    }
    return -1;
  }

  private void emit(byte[] bytes, int start, int end) {
    if (partial.length() == 0) {
      reset();
      frames.accept(bytes, start, end - start);
      return;
    }
    byte[] frame = partial.appendBytes(bytes, start, end - start).getBytes();
    reset();
    frames.accept(frame, 0, frame.length);
  }

  private void reset() {
    if (partial.length() > 0) {
      partial = Buffer.buffer();
    }
    inFrame = false;
    scalar = false;
    inString = false;
    escaped = false;
    depth = 0;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }
}
