package io.tributary.http.route;

import io.tributary.http.error.ErrorRenderer;
import io.tributary.http.media.Offer;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the {@link RouteKernel} needs to know of one API generation: the error renderer a request is claimed with
 * (so every later error of the request has that generation's shape), the other generation's response types on the
 * paths both serve ({@code rivals}: a request that prefers one of them is left to that generation, see
 * {@link io.tributary.http.media.RouteMedia#negotiate}), and how the generation words a failure before the one
 * failure handler renders it.
 */
public record Generation(ErrorRenderer errors, List<? extends Offer<?>> rivals, UnaryOperator<Throwable> wording) {
  public Generation {
    Objects.requireNonNull(errors, "errors");
    rivals = List.copyOf(rivals);
    Objects.requireNonNull(wording, "wording");
  }

  /** A generation that shares no path with another and passes failures on as they are. */
  public static Generation of(ErrorRenderer errors) {
    return new Generation(errors, List.of(), UnaryOperator.identity());
  }

  /** This generation, leaving requests that prefer one of {@code rivals} to the generation that offers them. */
  public Generation rivalledBy(List<? extends Offer<?>> otherGenerationsTypes) {
    return new Generation(errors, otherGenerationsTypes, wording);
  }

  /** This generation, rewording every failure with {@code rewording} before it is rendered. */
  public Generation wordedBy(UnaryOperator<Throwable> rewording) {
    return new Generation(errors, rivals, rewording);
  }
}
