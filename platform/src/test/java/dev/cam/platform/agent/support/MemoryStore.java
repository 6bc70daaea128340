package dev.cam.platform.agent.support;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentQuery;
import dev.cam.api.Agents;
import dev.cam.api.AmbiguousIdException;
import dev.cam.api.Context;
import dev.cam.api.Contexts;
import dev.cam.api.EventBus;
import dev.cam.api.NotFoundException;
import dev.cam.api.Subscription;
import dev.cam.platform.agent.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Agents, events, leases and contexts in memory, shared by several managers like one store file is
 * shared by several CAM processes.
 */
public final class MemoryStore implements Agents, EventBus, Leases, Contexts {
  private final Clock clock;
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  private final List<AgentEvent> events = new ArrayList<>();
  private final Map<String, Lease> leases = new LinkedHashMap<>();

  private record Lease(String owner, Instant expires) {}

  public MemoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Agent find(String idOrPrefix) {
    List<Agent> found =
        agents.values().stream().filter(a -> a.id().startsWith(idOrPrefix)).toList();
    if (found.isEmpty()) {
      throw new NotFoundException("agent", idOrPrefix, null);
    }
    if (found.size() > 1) {
      throw new AmbiguousIdException("agent", idOrPrefix, found.stream().map(Agent::id).toList());
    }
    return found.get(0);
  }

  @Override
  public synchronized List<Agent> list(AgentQuery query) {
    return agents.values().stream()
        .filter(a -> query.statuses().isEmpty() || query.statuses().contains(a.status()))
        .toList();
  }

  @Override
  public synchronized void save(Agent agent) {
    agents.put(agent.id(), agent);
  }

  @Override
  public synchronized AgentEvent publish(String agentId, String type, Map<String, Object> detail) {
    AgentEvent event = new AgentEvent(events.size() + 1, agentId, type, clock.instant(), detail);
    events.add(event);
    return event;
  }

  @Override
  public Subscription subscribe(String pattern, Consumer<AgentEvent> subscriber) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public synchronized List<AgentEvent> since(long afterSeq, String agentId, int limit) {
    return events.stream()
        .filter(e -> e.seq() > afterSeq && (agentId == null || agentId.equals(e.agentId())))
        .limit(limit <= 0 ? Long.MAX_VALUE : limit)
        .toList();
  }

  @Override
  public synchronized long lastSeq() {
    return events.size();
  }

  @Override
  public synchronized boolean tryAcquire(String agentId, String owner, Duration ttl) {
    Lease lease = leases.get(agentId);
    Instant now = clock.instant();
    if (lease != null && !lease.owner().equals(owner) && lease.expires().isAfter(now)) {
      return false;
    }
    leases.put(agentId, new Lease(owner, now.plus(ttl)));
    return true;
  }

  @Override
  public synchronized boolean renew(String agentId, String owner, Duration ttl) {
    Lease lease = leases.get(agentId);
    if (lease == null || !lease.owner().equals(owner)) {
      return false;
    }
    leases.put(agentId, new Lease(owner, clock.instant().plus(ttl)));
    return true;
  }

  @Override
  public synchronized void release(String agentId, String owner) {
    Lease lease = leases.get(agentId);
    if (lease != null && lease.owner().equals(owner)) {
      leases.remove(agentId);
    }
  }

  /** The owner of the agent's live lease, or {@code null}. */
  public synchronized String leaseOwner(String agentId) {
    Lease lease = leases.get(agentId);
    return lease == null || !lease.expires().isAfter(clock.instant()) ? null : lease.owner();
  }

  @Override
  public List<Context> list() {
    return List.of();
  }

  @Override
  public Context get(String name) {
    throw new NotFoundException("context", name, null);
  }

  @Override
  public Context add(Context context) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public Context update(Context context) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  @Override
  public void remove(String name) {
    throw new UnsupportedOperationException("not needed by the tests");
  }
}
