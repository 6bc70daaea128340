package dev.cam.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which ended agents a prune deletes ({@code cam prune}, {@code POST /api/agents/prune}), checked
 * in one place so both refuse the same things. Active agents are never pruned.
 *
 * @param statuses the ended statuses to prune, copied; empty means every ended status
 * @param before only agents that ended (or, never started, were created) before this; null for any
 *     age
 */
public record AgentPrune(Set<AgentStatus> statuses, Instant before) {
  /**
   * @throws InvalidInputException for a status that is not an ended one
   */
  public AgentPrune {
    Set<AgentStatus> wanted = EnumSet.noneOf(AgentStatus.class);
    for (AgentStatus status : statuses == null ? Set.<AgentStatus>of() : statuses) {
      if (!status.isTerminal()) {
        throw new InvalidInputException(
            "cannot prune " + status.wireName() + " agents: stop or kill them first");
      }
      wanted.add(status);
    }
    if (wanted.isEmpty()) {
      for (AgentStatus status : AgentStatus.values()) {
        if (status.isTerminal()) {
          wanted.add(status);
        }
      }
    }
    statuses = Set.copyOf(wanted);
  }

  /**
   * A prune of the statuses named as on the wire ({@code failed}), all ended ones when none.
   *
   * @throws InvalidInputException for an unknown or active status
   */
  public static AgentPrune of(List<String> statuses, Instant before) {
    Set<AgentStatus> parsed = EnumSet.noneOf(AgentStatus.class);
    if (statuses != null) {
      statuses.forEach(s -> parsed.add(AgentStatus.parse(s)));
    }
    return new AgentPrune(parsed, before);
  }

  /** Whether this prune takes the agent. */
  public boolean selects(Agent agent) {
    Instant end = agent.finishedAt() == null ? agent.createdAt() : agent.finishedAt();
    return statuses.contains(agent.status()) && (before == null || end.isBefore(before));
  }

  /**
   * Deletes the agents this prune takes, and their logs, unless {@code dryRun}.
   *
   * @return the agents taken, newest first
   */
  public List<Agent> apply(Agents agents, AgentLogs logs, boolean dryRun) {
    List<Agent> doomed =
        agents.list(new AgentQuery(statuses, null, null, 0, 0)).stream()
            .filter(this::selects)
            .toList();
    if (!dryRun) {
      for (Agent agent : doomed) {
        agents.delete(agent.id());
        logs.delete(agent.id());
      }
    }
    return doomed;
  }
}
