package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ConnectException;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An unreachable collector costs one warning a minute, not one per failed batch. */
class ThrottledSpanExporterTest {
  @Test
  void failedExportsWarnOnceAMinuteAndPassTheResultOn() {
    Logger logger = (Logger) LoggerFactory.getLogger(ProxyTracing.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      SpanExporter unreachable = new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          return CompletableResultCode.ofExceptionalFailure(new ConnectException("Connection refused"));
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };
      ThrottledSpanExporter exporter = new ThrottledSpanExporter(unreachable);
      for (int i = 0; i < 5; i++) {
        assertThat(exporter.export(List.of()).isSuccess()).isFalse();
      }
      List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getFormattedMessage()).contains("dropping them").contains("Connection refused");
    } finally {
      logger.detachAppender(appender);
    }
  }
}
