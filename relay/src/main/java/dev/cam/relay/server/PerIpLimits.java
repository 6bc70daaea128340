package dev.cam.relay.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Counts TCP connections and pending link handshakes per remote address and closes what is over the
 * limit. Connections are counted per network endpoint, so a TLS connection (two Jetty connections)
 * or an upgrade to WebSocket (a new connection on the same endpoint) counts once.
 */
final class PerIpLimits implements Connection.Listener {
  private final int maxConnections;
  private final int maxPendingHandshakes;
  private final Map<EndPoint, String> endpoints = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> handshakes = new ConcurrentHashMap<>();

  PerIpLimits(int maxConnections, int maxPendingHandshakes) {
    this.maxConnections = maxConnections;
    this.maxPendingHandshakes = maxPendingHandshakes;
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    if (!(endPoint instanceof SocketChannelEndPoint)) {
      return;
    }
    String ip = ip(endPoint.getRemoteSocketAddress());
    if (endpoints.putIfAbsent(endPoint, ip) != null) {
      return;
    }
    int count = connections.computeIfAbsent(ip, k -> new AtomicInteger()).incrementAndGet();
    if (count > maxConnections) {
      endPoint.close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    EndPoint endPoint = connection.getEndPoint();
    if (endPoint.isOpen()) {
      return; // upgraded to another connection on the same endpoint
    }
    String ip = endpoints.remove(endPoint);
    if (ip != null) {
      decrement(connections, ip);
    }
  }

  /** Starts a pending handshake for {@code ip}, or returns false when it has too many. */
  boolean tryBeginHandshake(String ip) {
    AtomicInteger count = handshakes.computeIfAbsent(ip, k -> new AtomicInteger());
    if (count.incrementAndGet() > maxPendingHandshakes) {
      decrement(handshakes, ip);
      return false;
    }
    return true;
  }

  void endHandshake(String ip) {
    decrement(handshakes, ip);
  }

  int connections(String ip) {
    AtomicInteger count = connections.get(ip);
    return count == null ? 0 : count.get();
  }

  private static void decrement(Map<String, AtomicInteger> counts, String ip) {
    counts.computeIfPresent(ip, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
  }

  static String ip(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }
}
