package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.ConnectionGuard;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.route.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streaming produce connection (v3 {@code POST …/records}), full duplex: records are cut from the request body
 * as it arrives and sent to Kafka (those of one network chunk together), and each record's receipt is written,
 * followed by {@code \r\n}, as soon as Kafka has answered for it, for the records sent with it and for every record
 * before it, so receipts come in input order while the client is still sending.
 *
 * <p>Back-pressure: reading pauses while {@code maxInFlight} records await their receipts or the client does not
 * read its receipts (the response's write queue is full), and resumes as they drain.
 *
 * <p>The response head (HTTP 200, chunked) goes out with the first non-blank byte; a body with nothing but
 * whitespace is an HTTP-level 422 instead. After {@code streaming.connection.max.duration.ms} further records get
 * 408 receipts, and the grace period later the stream ends. A record over the size limit gets a 400 receipt (413
 * when the limit is the body limit) and ends the stream; either way the receipts of earlier records are still
 * written, then the connection closes, cleanly (see {@link #CLOSE_LINGER_MS}).
 *
 * <p>The same clean end (no more records read, every receipt due still written) comes {@code idle.timeout.ms}
 * after the last record arrived when no receipt is due, and {@code shutdown.graceful.ms} after the server began a
 * graceful shutdown: every record that went to Kafka gets its receipt.
 *
 * <p>Confined to the HTTP verticle's event loop; everything it waits for completes there.
 */
final class ProduceStream {
  private static final Logger LOG = LoggerFactory.getLogger(ProduceStream.class);
  /** How long the connection of a stream that has ended stays open for a client that is still sending. */
  private static final long CLOSE_LINGER_MS = 5_000;
  /** About the length of one written record's receipt. */
  private static final int RECEIPT_BYTES = 200;

  private final RoutingContext ctx;
  // How the stream ends for the route kernel: written by the stream itself, or refused as a whole (an empty body).
  private final Promise<Reply<Void>> answered = Promise.promise();
  private final HttpServerRequest request;
  private final HttpServerResponse response;
  private final Vertx vertx;
  private final V3RecordProducer producer;
  private final ProduceTarget target;
  private final Charset charset;
  // Only UTF-8 records are read by the streaming parser; others are decoded to text first.
  private final boolean utf8;
  private final StreamLimits limits;
  private final RecordFramer framer;
  private RecordGroup group = new RecordGroup();
  // When the last group was handed to the engine: the next one waits for it, so groups keep their order.
  private Future<Void> lastGroupSent = Future.succeededFuture();
  // Outcomes in input order; the receipts of the complete ones at the head are written together.
  private final Deque<Future<RecordOutcome>> pending = new ArrayDeque<>();
  private final Context context;
  // A flush is due on the event loop: the outcomes completed by one engine answer are written in one write.
  private boolean flushScheduled;
  // The cluster id and the topic as JSON strings, encoded once for every receipt.
  private String clusterIdJson;
  private final String topicJson;
  private final TimestampTexts timestamps = new TimestampTexts();

  private boolean started;
  private boolean requestEnded;
  // No more records are read: the stream is being terminated (size limit, duration) or is over.
  private boolean stopped;
  private boolean finished;
  private boolean expired;
  private boolean paused;
  private long durationTimer = -1;
  private long graceTimer = -1;
  private long idleTimer = -1;
  private long shutdownTimer = -1;
  private long lingerTimer = -1;
  // When a record last arrived or a receipt was last written (System.nanoTime()).
  private long lastActivity = System.nanoTime();

  ProduceStream(RoutingContext ctx, V3RecordProducer producer, ProduceTarget target, Charset charset,
      StreamLimits limits) {
    this.ctx = ctx;
    this.request = ctx.request();
    this.response = ctx.response();
    this.vertx = ctx.vertx();
    this.producer = producer;
    this.target = target;
    this.charset = charset;
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    this.limits = limits;
    this.framer = new RecordFramer(limits.maxRecordBytes(), this::onRecord, this::onOversize);
    this.context = vertx.getOrCreateContext();
    this.topicJson = Json.encode(target.topic());
  }

  /**
   * Takes the request's body over (the server hands it over paused) and starts reading. The answer completes once
   * the stream has written its response (or the client is gone), and fails when the request is refused as a whole,
   * for the route kernel to render.
   */
  Future<Reply<Void>> start() {
    request.handler(this::onChunk);
    request.endHandler(v -> onRequestEnd());
    request.exceptionHandler(e -> abort());
    response.closeHandler(v -> abort());
    response.drainHandler(v -> resumeIfDrained());
    durationTimer = vertx.setTimer(limits.maxDurationMs(), id -> onExpired());
    if (limits.idleMs() > 0) {
      idleTimer = vertx.setTimer(limits.idleMs(), id -> checkIdle());
    }
    ConnectionGuard.whenShuttingDown(ctx, v -> onShutdown());
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      // Clients such as curl wait for this before they send a body they announced with "Expect: 100-continue".
      response.writeContinue();
    }
    request.resume();
    return answered.future();
  }

  private void onChunk(Buffer chunk) {
    if (stopped) {
      return;
    }
    lastActivity = System.nanoTime();
    framer.feed(chunk);
    sendGroup();
  }

  private void onRecord(byte[] bytes, int offset, int length) {
    if (stopped) {
      return;
    }
    begin();
    Future<RecordOutcome> outcome;
    if (expired) {
      outcome = Future.succeededFuture(new RecordOutcome.Refused(ErrorCode.REQUEST_TIMEOUT.code(),
          V3Messages.STREAM_TOO_OLD));
    } else {
      try {
        Optional<V3RecordRequest> plain = utf8 ? V3StreamingRecordReader.read(bytes, offset, length)
            : Optional.empty();
        outcome = plain.isPresent() ? producer.enlist(group, plain.get(), () -> length, target)
            : producer.enlist(group, V3RecordParser.json(Buffer.buffer().appendBytes(bytes, offset, length),
                charset), () -> length, target);
      } catch (TributaryException e) {
        outcome = Future.succeededFuture(RecordOutcome.refused(e));
      } catch (RuntimeException e) {
        LOG.error("Streaming produce could not handle a record", e);
        outcome = Future.succeededFuture(RecordOutcome.refused(ErrorCode.INTERNAL.toException()));
      }
    }
    enqueue(outcome);
  }

  // The records read from one chunk of the body go to Kafka together.
  private void sendGroup() {
    if (!group.isEmpty()) {
      lastGroupSent = group.sendWith(producer, target, lastGroupSent);
      group = new RecordGroup();
    }
  }

  private void render(StringBuilder out, RecordOutcome outcome) {
    V3Receipts.appendStreamReceipt(out, outcome, clusterIdJson, topicJson, timestamps).append("\r\n");
  }

  private void onOversize() {
    begin();
    RecordOutcome.Refused refused = limits.recordBoundByBody()
        ? new RecordOutcome.Refused(ErrorCode.PAYLOAD_TOO_LARGE.code(), V3Messages.RECORD_OVER_BODY_LIMIT)
        : new RecordOutcome.Refused(ErrorCode.BAD_REQUEST.code(), V3Messages.RECORD_TOO_LARGE);
    enqueue(Future.succeededFuture(refused));
    terminate();
  }

  private void enqueue(Future<RecordOutcome> outcome) {
    pending.addLast(outcome);
    if (pending.size() >= limits.maxInFlight()) {
      pause();
    }
    outcome.onComplete(done -> scheduleFlush());
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  /**
   * Writes the receipts of every completed outcome at the head of the queue, in one write. A record Kafka wrote is
   * reported with the cluster id, so its receipt waits for that (looked up once per server).
   */
  private void flush() {
    if (finished) {
      return;
    }
    StringBuilder out = null;
    while (!pending.isEmpty() && pending.peekFirst().isComplete()) {
      Future<RecordOutcome> head = pending.peekFirst();
      RecordOutcome outcome = head.succeeded() ? head.result()
          : RecordOutcome.refused(ErrorCode.INTERNAL.toException());
      if (outcome instanceof RecordOutcome.Written && clusterIdJson == null) {
        Future<String> clusterId = target.clusterId();
        if (!clusterId.isComplete()) {
          clusterId.onComplete(done -> scheduleFlush());
          break;
        }
        if (clusterId.failed()) {
          outcome = RecordOutcome.refused(ErrorCode.INTERNAL.toException());
        } else {
          clusterIdJson = Json.encode(clusterId.result());
        }
      }
      pending.pollFirst();
      if (out == null) {
        // Room for this receipt and those behind it that are likely complete too (one engine answer's worth).
        out = new StringBuilder(RECEIPT_BYTES * Math.min(pending.size() + 1, 512));
      }
      render(out, outcome);
    }
    if (out != null) {
      lastActivity = System.nanoTime();
      response.write(Buffer.buffer(out.toString()));
      if (response.writeQueueFull()) {
        pause();
      }
    }
    resumeIfDrained();
    if (pending.isEmpty() && (requestEnded || stopped)) {
      finish();
    }
  }

  private void begin() {
    if (started) {
      return;
    }
    started = true;
    response.setStatusCode(200).setChunked(true).putHeader("Content-Type", KafkaMediaTypes.JSON);
    response.writeHead();
  }

  private void onRequestEnd() {
    requestEnded = true;
    if (lingerTimer != -1) {
      // The exchange is complete after all: the connection can serve another request (or closes, when stopping).
      vertx.cancelTimer(lingerTimer);
      lingerTimer = -1;
    }
    if (stopped) {
      return;
    }
    framer.end();
    sendGroup();
    if (!framer.sawContent()) {
      cancelTimers();
      finished = true;
      answered.tryFail(ErrorCode.INVALID_PAYLOAD.toException(V3Messages.EMPTY_STREAM));
      return;
    }
    flush();
  }

  private void onExpired() {
    durationTimer = -1;
    expired = true;
    graceTimer = vertx.setTimer(Math.max(1, limits.gracePeriodMs()), id -> {
      graceTimer = -1;
      terminate();
    });
  }

  private void checkIdle() {
    idleTimer = -1;
    if (finished) {
      return;
    }
    long silentMs = (System.nanoTime() - lastActivity) / 1_000_000;
    if (!pending.isEmpty() || silentMs < limits.idleMs()) {
      // Receipts still awaited from Kafka are not the client's silence.
      long next = pending.isEmpty() ? limits.idleMs() - silentMs : limits.idleMs();
      idleTimer = vertx.setTimer(Math.max(1, next), id -> checkIdle());
      return;
    }
    if (response.writeQueueFull()) {
      // The client reads none of its receipts: the end of the response could never be delivered either.
      request.connection().close();
      return;
    }
    terminate();
  }

  private void onShutdown() {
    if (finished || shutdownTimer != -1) {
      return;
    }
    shutdownTimer = vertx.setTimer(Math.max(1, limits.shutdownGraceMs()), id -> {
      shutdownTimer = -1;
      terminate();
    });
  }

  /** Stops reading; the receipts of records already read are still written, then the connection closes. */
  private void terminate() {
    if (stopped) {
      return;
    }
    stopped = true;
    framer.stop();
    request.pause();
    paused = true;
    flush();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    answered.tryComplete(Reply.writtenByRoute());
    cancelTimers();
    if (!started) {
      begin();
    }
    Future<Void> ended = response.end();
    if (!requestEnded) {
      // The client is still sending a body nobody will read: closing is the only way to end the exchange. Closing
      // with bytes unread would make TCP reset the connection, and a reset can destroy the end of the response
      // before the client reads it; so the connection lingers, reading and dropping what comes (the server resumes
      // the body once the response has ended), before it closes.
      ended.onComplete(done -> lingerTimer = vertx.setTimer(CLOSE_LINGER_MS, id -> {
        lingerTimer = -1;
        request.connection().close();
      }));
    }
  }

  // The client went away: nothing more can be written; records already sent to Kafka still land.
  private void abort() {
    if (lingerTimer != -1) {
      vertx.cancelTimer(lingerTimer);
      lingerTimer = -1;
    }
    stopped = true;
    finished = true;
    answered.tryComplete(Reply.writtenByRoute());
    framer.stop();
    cancelTimers();
    pending.clear();
  }

  private void pause() {
    if (!paused) {
      paused = true;
      request.pause();
    }
  }

  private void resumeIfDrained() {
    if (paused && !stopped && pending.size() <= limits.maxInFlight() / 2 && !response.writeQueueFull()) {
      paused = false;
      request.resume();
    }
  }

  private void cancelTimers() {
    if (durationTimer != -1) {
      vertx.cancelTimer(durationTimer);
      durationTimer = -1;
    }
    if (graceTimer != -1) {
      vertx.cancelTimer(graceTimer);
      graceTimer = -1;
    }
    if (idleTimer != -1) {
      vertx.cancelTimer(idleTimer);
      idleTimer = -1;
    }
    if (shutdownTimer != -1) {
      vertx.cancelTimer(shutdownTimer);
      shutdownTimer = -1;
    }
  }
}
