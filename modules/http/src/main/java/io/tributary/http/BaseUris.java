package io.tributary.http;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;

/**
 * Builds the absolute {@code scheme://host:port} prefix of URLs handed to clients ({@code base_uri}, v3
 * {@code self}): the first advertised listener with the request's scheme, else {@code host.name} with the port of
 * the matching listener, else the request's own Host.
 */
public final class BaseUris {
  private final List<URI> advertised;
  private final String hostName;
  private final List<URI> listeners;

  public BaseUris(List<String> advertisedListeners, String hostName, List<String> listeners) {
    this.advertised = advertisedListeners.stream().map(URI::create).toList();
    this.hostName = hostName == null ? "" : hostName.trim();
    this.listeners = listeners.stream().map(URI::create).toList();
  }

  public String base(RoutingContext ctx) {
    String scheme = ctx.request().scheme() == null ? "http" : ctx.request().scheme();
    for (URI uri : advertised) {
      if (scheme.equalsIgnoreCase(uri.getScheme())) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      }
    }
    if (!hostName.isEmpty()) {
      int port = listeners.stream().filter(u -> scheme.equalsIgnoreCase(u.getScheme())).mapToInt(URI::getPort)
          .findFirst().orElse(-1);
      return scheme + "://" + hostName + (port > 0 ? ":" + port : "");
    }
    var authority = ctx.request().authority();
    return scheme + "://" + (authority == null ? "localhost" : authority.toString());
  }
}
