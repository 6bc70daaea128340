package dev.cam.platform.monitor;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Agents;
import dev.cam.api.EventBus;
import dev.cam.api.EventTypes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes what happens to an agent: saves the record, then publishes the matching event, so the
 * store and the event stream never disagree about a status. Threading: safe from any thread.
 */
public final class AgentJournal {
  private final Agents agents;
  private final EventBus events;
  private final Clock clock;

  public AgentJournal(Agents agents, EventBus events, Clock clock) {
    this.agents = agents;
    this.events = events;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  public Agents agents() {
    return agents;
  }

  /** Saves the agent with the new status and publishes {@code status_change}. */
  public Agent status(Agent agent, AgentStatus to, String reason) {
    return replace(agent, agent.withStatus(to, reason, clock.instant()));
  }

  /** Saves {@code after} in place of {@code before} and publishes their {@code status_change}. */
  public Agent replace(Agent before, Agent after) {
    agents.save(after);
    Map<String, Object> detail = new HashMap<>();
    detail.put("from", before.status().wireName());
    detail.put("to", after.status().wireName());
    detail.put("attempt", after.attempt());
    if (after.exitReason() != null) {
      detail.put("reason", after.exitReason());
    }
    events.publish(after.id(), EventTypes.STATUS_CHANGE, detail);
    return after;
  }

  /** Saves the agent with the new state and publishes {@code state_change}; no-op when equal. */
  public Agent state(Agent agent, AgentState to) {
    if (agent.state().equals(to)) {
      return agent;
    }
    Agent next = agent.withState(to);
    agents.save(next);
    event(
        agent.id(), EventTypes.STATE_CHANGE, Map.of("from", agent.state().name(), "to", to.name()));
    return next;
  }

  public void save(Agent agent) {
    agents.save(agent);
  }

  public void event(String agentId, String type, Map<String, Object> detail) {
    events.publish(agentId, type, detail);
  }
}
