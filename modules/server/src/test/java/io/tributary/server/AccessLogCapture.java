package io.tributary.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.http.access.AccessLogHandler;
import io.tributary.testkit.Eventually;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** The access logger's lines while it is open: a logback ListAppender attached to {@code io.tributary.access}. */
final class AccessLogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLogHandler.LOGGER);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  AccessLogCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /**
   * Every line so far. The list is written by the event loops inside the appender's own lock (AppenderBase.doAppend
   * is synchronized on the appender, not on the list), so it is copied under that lock.
   */
  List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  /** The line whose request path contains {@code marker}, waiting for it: it is written when the response ends. */
  String lineFor(String marker) {
    Optional<String> line = Eventually.get(() -> lines().stream().filter(l -> l.contains(marker)).findFirst(),
        Optional::isPresent);
    return line.orElseThrow(() -> new AssertionError("no access-log line mentions " + marker + ": " + lines()));
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
