package io.tributary.http.route;

import io.tributary.http.media.Offer;
import io.vertx.core.Future;
import io.vertx.ext.web.Route;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one place a route is declared: the body types it takes, the response types it offers, the permission it
 * requires and the renderer of its answer, then its handler, which {@link #handles} mounts through the
 * {@link RouteKernel}. Each step returns a new declaration; only {@link #produces} is required.
 *
 * @param <C> what the request body's type means to the route
 * @param <T> what the negotiated response type means to the route
 * @param <B> the body type the renderer writes
 */
public final class Endpoint<C, T, B> {
  private final RouteKernel kernel;
  private final Route route;
  final BodyTypes<C> consumes;
  final List<Offer<T>> produces;
  final Permission permission;
  final Renderer<B> renderer;
  final boolean claimsFirst;
  final boolean ignoresAccept;
  final boolean ownsPath;

  private Endpoint(RouteKernel kernel, Route route, BodyTypes<C> consumes, List<Offer<T>> produces,
      Permission permission, Renderer<B> renderer, boolean claimsFirst, boolean ignoresAccept, boolean ownsPath) {
    this.kernel = kernel;
    this.route = route;
    this.consumes = consumes;
    this.produces = produces;
    this.permission = permission;
    this.renderer = renderer;
    this.claimsFirst = claimsFirst;
    this.ignoresAccept = ignoresAccept;
    this.ownsPath = ownsPath;
  }

  static Endpoint<Void, Void, Object> at(RouteKernel kernel, Route route) {
    return new Endpoint<>(kernel, route, null, null, Permission.NONE, Renderer.json(), false, false, false);
  }

  /** The request body types the route takes; without this step the Content-Type is not checked. */
  public <C2> Endpoint<C2, T, B> consumes(BodyTypes<C2> bodyTypes) {
    return new Endpoint<>(kernel, route, bodyTypes, produces, permission, renderer, claimsFirst, ignoresAccept, ownsPath);
  }

  /** The response types the route offers, with their weights, for Accept to choose from. */
  public <T2> Endpoint<C, T2, B> produces(List<Offer<T2>> offers) {
    return new Endpoint<>(kernel, route, consumes, List.copyOf(offers), permission, renderer, claimsFirst, false,
        ownsPath);
  }

  /**
   * The one response type the route answers in, whatever Accept says (IBM Event Streams never answers 406): the
   * request is claimed without negotiation.
   */
  public Endpoint<C, String, B> answersIn(String contentType) {
    return new Endpoint<>(kernel, route, consumes, List.of(Offer.of(contentType, 1.0, contentType)), permission,
        renderer, claimsFirst, true, ownsPath);
  }

  /** What the principal must be allowed; {@link Permission#NONE} unless declared. */
  public Endpoint<C, T, B> requires(Permission required) {
    return new Endpoint<>(kernel, route, consumes, produces, required, renderer, claimsFirst, ignoresAccept, ownsPath);
  }

  /** How the handler's reply body is written; JSON unless declared. */
  public <B2> Endpoint<C, T, B2> renders(Renderer<B2> bodyRenderer) {
    return new Endpoint<>(kernel, route, consumes, produces, permission, bodyRenderer, claimsFirst, ignoresAccept, ownsPath);
  }

  /**
   * Claims the request for the generation before its media types are checked, unless another route did already:
   * for a path no other generation serves, whose declined requests must get this generation's error as well.
   */
  public Endpoint<C, T, B> claimsFirst() {
    return new Endpoint<>(kernel, route, consumes, produces, permission, renderer, true, ignoresAccept, ownsPath);
  }

  /**
   * The path is this route's alone: the request is claimed before anything is checked, and media types it does not
   * take are refused right here (415, 406) instead of being passed on to a later route.
   */
  public Endpoint<C, T, B> ownsPath() {
    return new Endpoint<>(kernel, route, consumes, produces, permission, renderer, true, ignoresAccept, true);
  }

  /**
   * Mounts the route: the kernel runs every step above, then {@code handler}, whose reply is written with the
   * renderer; a failure it returns or throws goes to the failure handler.
   */
  public void handles(Function<Call<C, T>, ? extends Future<? extends Reply<? extends B>>> handler) {
    Objects.requireNonNull(produces, "declare the response types with produces()");
    route.handler(ctx -> kernel.serve(ctx, this, handler));
  }
}
