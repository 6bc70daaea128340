package dev.cam.relay.server;

import java.security.SecureRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/** What the relay's parts share: configuration, registry, budget, timers. Built by the server. */
final class RelayRuntime {
  final RelayConfig config;
  final RelayLimits limits;
  final ServerRegistry registry = new ServerRegistry();
  final BufferBudget budget;
  final PerIpLimits perIp;
  final ScheduledExecutorService timers;
  final SecureRandom random = new SecureRandom();
  final AtomicLong refusedRegistrations = new AtomicLong();
  private volatile ServerWebSocketContainer container;

  RelayRuntime(RelayConfig config, ScheduledExecutorService timers) {
    this.config = config;
    this.limits = config.limits();
    this.budget = new BufferBudget(limits.bufferBudgetBytes());
    this.perIp = new PerIpLimits(limits.maxConnectionsPerIp(), limits.maxPendingHandshakesPerIp());
    this.timers = timers;
  }

  /** Bytes one stream reserves from the budget: its download window and one upload frame. */
  long streamReservation() {
    return (long) limits.initialWindow() + limits.maxPayload();
  }

  ServerWebSocketContainer container() {
    return container;
  }

  void container(ServerWebSocketContainer webSockets) {
    this.container = webSockets;
  }

  RelayMetrics metrics() {
    return new RelayMetrics(
        registry.size(),
        registry.webSocketLinks(),
        registry.streams(),
        budget.buffered(),
        budget.peakBuffered(),
        budget.reserved(),
        budget.limit(),
        refusedRegistrations.get());
  }
}
