package io.tributary.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a loopback address in front of one server, that a test can make refuse the connections of some
 * source addresses: a network partition without a firewall. Give each node loopback addresses of its own (the whole
 * 127/8 is local) and have it announce its relay's address instead of its own, its relay listening on an address
 * the node also connects out from: refusing the other side's addresses at each node's relay then cuts the two sides
 * apart. Connections run on plain threads; closing the relay ends them.
 */
public final class TcpRelay implements AutoCloseable {
  private final InetSocketAddress target;
  private final ServerSocket server;
  private final Set<InetAddress> refused = ConcurrentHashMap.newKeySet();
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private TcpRelay(InetAddress listen, InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, listen);
    Thread acceptor = new Thread(this::accept, "tcp-relay-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A relay listening on {@code listenHost} and a free port, to {@code host:port}. */
  public static TcpRelay on(String listenHost, String host, int port) {
    try {
      return new TcpRelay(InetAddress.getByName(listenHost), new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a relay on " + listenHost + " to " + host + ":" + port, e);
    }
  }

  /** The port the relay listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** Ends the connections from these source hosts and refuses their new ones, until {@link #admitAll()}. */
  public void refuse(String... sourceHosts) {
    for (String host : sourceHosts) {
      try {
        refused.add(InetAddress.getByName(host));
      } catch (IOException e) {
        throw new IllegalArgumentException(host, e);
      }
    }
    for (Link link : links) {
      if (refused.contains(link.source)) {
        link.close();
      }
    }
  }

  /** Accepts every source again. */
  public void admitAll() {
    refused.clear();
  }

  /** The source hosts of the connections relayed now, for a test to check who connects through here. */
  public Set<String> sources() {
    Set<String> sources = ConcurrentHashMap.newKeySet();
    links.forEach(link -> sources.add(link.source.getHostAddress()));
    return sources;
  }

  private void accept() {
    while (!closed) {
      Socket inbound;
      try {
        inbound = server.accept();
      } catch (IOException e) {
        return;
      }
      InetAddress source = inbound.getInetAddress();
      if (refused.contains(source)) {
        closeQuietly(inbound);
        continue;
      }
      Socket outbound = new Socket();
      try {
        outbound.connect(target, 2_000);
      } catch (IOException e) {
        closeQuietly(inbound);
        closeQuietly(outbound);
        continue;
      }
      Link link = new Link(source, inbound, outbound);
      links.add(link);
      link.start();
    }
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    links.forEach(Link::close);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing is all that is left to do with it.
    }
  }

  /** One relayed connection: bytes pumped both ways until either side ends, then both sockets closed. */
  private final class Link {
    private final InetAddress source;
    private final Socket inbound;
    private final Socket outbound;

    Link(InetAddress source, Socket inbound, Socket outbound) {
      this.source = source;
      this.inbound = inbound;
      this.outbound = outbound;
    }

    void start() {
      pump(inbound, outbound, "in");
      pump(outbound, inbound, "out");
    }

    private void pump(Socket from, Socket to, String direction) {
      Thread thread = new Thread(() -> {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          int read;
          while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
          }
        } catch (IOException ended) {
          // Either side closed, or the relay cut the link.
        } finally {
          close();
        }
      }, "tcp-relay-" + server.getLocalPort() + "-" + direction);
      thread.setDaemon(true);
      thread.start();
    }

    void close() {
      closeQuietly(inbound);
      closeQuietly(outbound);
      links.remove(this);
    }
  }
}
