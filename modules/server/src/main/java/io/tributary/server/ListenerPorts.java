package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.formats.registry.embedded.http.RegistryHttpVerticle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks, before anything starts, that the HTTP listeners and the embedded registry's listener can open their
 * ports, so that a port in use stops start-up at once with the key and the listener, rather than after the embedded
 * broker has started (the listeners report a port taken in between the same way, only later).
 */
final class ListenerPorts {
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");

  private ListenerPorts() {}

  private record Listener(String key, String value, String host, int port) {
    boolean overlaps(Listener other) {
      return port > 0 && port == other.port
          && (host.equals(other.host) || WILDCARDS.contains(host) || WILDCARDS.contains(other.host));
    }
  }

  static void requireFree(TributaryConfig config) {
    List<Listener> listeners = new ArrayList<>();
    for (String listener : config.list(ConfigKeys.LISTENERS)) {
      URI uri = URI.create(listener);
      listeners.add(new Listener(ConfigKeys.LISTENERS.name(), listener, uri.getHost(), uri.getPort()));
    }
    if (config.get(ConfigKeys.SCHEMA_REGISTRY_URL).isBlank()) {
      URI uri = RegistryHttpVerticle.listener(config);
      listeners.add(new Listener(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_LISTENER.name(), uri.toString(), uri.getHost(),
          uri.getPort()));
    }
    for (int i = 0; i < listeners.size(); i++) {
      Listener listener = listeners.get(i);
      // Vert.x shares one socket between servers on the same address, so a clash between two of these would not
      // fail: the proxy and the registry would take turns answering each other's requests.
      for (Listener earlier : listeners.subList(0, i)) {
        if (listener.overlaps(earlier)) {
          throw new ConfigException(listener.key(), "'" + listener.value() + "' cannot be used: its port is taken by"
              + " '" + earlier.value() + "' of '" + earlier.key() + "'");
        }
      }
      requireFree(listener);
    }
  }

  private static void requireFree(Listener listener) {
    if (listener.port() <= 0) {
      return; // any free port
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(listener.host(), listener.port()));
    } catch (IOException e) {
      throw ConfigException.cannotListen(listener.key(), listener.value(), listener.host(), listener.port(), e);
    }
  }
}
