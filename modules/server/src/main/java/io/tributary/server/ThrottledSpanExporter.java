package io.tributary.server;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans that cannot be exported are dropped with at most one warning a minute: an unreachable collector must not
 * flood the log (the batch span processor already keeps export off the request path).
 */
final class ThrottledSpanExporter implements SpanExporter {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyTracing.class);
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final SpanExporter delegate;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

  ThrottledSpanExporter(SpanExporter delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    CompletableResultCode result = delegate.export(spans);
    int count = spans.size();
    result.whenComplete(() -> {
      if (!result.isSuccess()) {
        warnAtMostOncePerMinute(count, result.getFailureThrowable());
      }
    });
    return result;
  }

  private void warnAtMostOncePerMinute(int dropped, Throwable cause) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
      LOG.warn("Could not export {} spans; dropping them (this warning repeats at most once a minute): {}", dropped,
          cause == null ? "the collector refused them" : cause.toString());
    }
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }
}
