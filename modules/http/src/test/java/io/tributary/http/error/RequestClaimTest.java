package io.tributary.http.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim and the admission verdict are one piece of state: a verdict takes effect when, and only when, claimed. */
class RequestClaimTest {
  private final RoutingContext ctx = contextWithData();
  private final TributaryException unauthorized = ErrorCode.UNAUTHORIZED.toException();

  @Test
  void aVerdictBeforeAnyClaimWaitsAndTheClaimThrowsIt() {
    RequestClaim.reject(ctx, unauthorized);

    verify(ctx).next();
    verify(ctx, never()).fail(any(Throwable.class));
    assertThat(RequestClaim.isClaimed(ctx)).isFalse();
    assertThatThrownBy(() -> RequestClaim.claim(ctx, ConfluentErrorRenderer.V1)).isSameAs(unauthorized);
    assertThat(RequestClaim.renderer(ctx)).contains(ConfluentErrorRenderer.V1);
  }

  @Test
  void aVerdictOnAClaimedRequestFailsItAtOnce() {
    RequestClaim.claim(ctx, ConfluentErrorRenderer.V2);

    RequestClaim.reject(ctx, unauthorized);

    verify(ctx).fail(unauthorized);
    verify(ctx, never()).next();
  }

  @Test
  void theFirstVerdictStands() {
    RequestClaim.reject(ctx, unauthorized);
    RequestClaim.reject(ctx, ErrorCode.TOO_MANY_REQUESTS.toException());

    assertThat(RequestClaim.rejection(ctx)).containsSame(unauthorized);
  }

  @Test
  void anAdmittedRequestIsClaimedWithoutAnError() {
    RequestClaim.claim(ctx, ConfluentErrorRenderer.V3);

    assertThat(RequestClaim.rejection(ctx)).isEmpty();
    assertThat(ErrorRenderer.of(ctx, ConfluentErrorRenderer.V1)).isSameAs(ConfluentErrorRenderer.V3);
  }

  private static RoutingContext contextWithData() {
    Map<String, Object> data = new HashMap<>();
    RoutingContext ctx = mock(RoutingContext.class);
    when(ctx.get(anyString())).thenAnswer(call -> data.get(call.<String>getArgument(0)));
    when(ctx.put(anyString(), any())).thenAnswer(call -> {
      data.put(call.getArgument(0), call.getArgument(1));
      return ctx;
    });
    return ctx;
  }
}
