package io.tributary.http.error;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * Recognises failures that only say the client went away (connection reset, closed mid-body): normal events in
 * the life of a server, logged below ERROR wherever they surface.
 */
public final class ClientDisconnects {
  private ClientDisconnects() {}

  /** Whether {@code failure}, or its cause, is a closed or reset connection. */
  public static boolean isDisconnect(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpClosedException || t instanceof SocketException || t instanceof ClosedChannelException
          || t instanceof IOException && isPeerGone(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  // Netty's native transports report a vanished peer as a plain IOException carrying the system's text.
  private static boolean isPeerGone(String message) {
    return message != null && (message.contains("Connection reset") || message.contains("Broken pipe"));
  }
}
