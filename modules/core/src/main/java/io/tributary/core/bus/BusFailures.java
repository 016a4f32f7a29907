package io.tributary.core.bus;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Converts between {@link TributaryException} and the {@link ReplyException} that carries a failure across the
 * event bus: the numeric error code travels as the failure code, the message as the failure message.
 */
public final class BusFailures {
  private BusFailures() {}

  /** Fails a bus message with the error's code and message. */
  public static void fail(Message<?> message, Throwable error) {
    TributaryException te = asTributary(error);
    message.fail(te.code(), te.getMessage());
  }

  /**
   * Turns whatever a bus request failed with into a {@link TributaryException}: a recipient's failure keeps its
   * code; no handler or a timeout means the engine is not there or not answering (503).
   */
  public static TributaryException fromReply(Throwable error) {
    if (error instanceof ReplyException re) {
      if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        return new TributaryException(ErrorCode.byCode(re.failureCode()), re.failureCode(), re.getMessage());
      }
      if (re.failureType() == ReplyFailure.TIMEOUT) {
        return ErrorCode.SERVICE_UNAVAILABLE.toException("The request timed out inside the proxy.");
      }
      return ErrorCode.SERVICE_UNAVAILABLE.toException("The engine for this request is not running.");
    }
    return asTributary(error);
  }

  /**
   * Whether a request failed because no node had a handler for its address (its engine is not, or no longer,
   * registered), as opposed to a recipient's failure or a timeout: the one case where sending again elsewhere is
   * safe, because the request reached nobody.
   */
  public static boolean reachedNoHandler(Throwable error) {
    return error instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /**
   * Whether the recipient itself answered with a failure (it received the request), as opposed to no handler
   * anywhere or a timeout.
   */
  public static boolean failedAtRecipient(Throwable error) {
    return error instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE;
  }

  /** Any throwable as a TributaryException; unexpected ones become a 500 without their internals. */
  public static TributaryException asTributary(Throwable error) {
    if (error instanceof TributaryException te) {
      return te;
    }
    return ErrorCode.INTERNAL.toException();
  }
}
