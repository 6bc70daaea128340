package dev.cam.api;

import java.util.List;

/**
 * The agents CAM knows, as stored. Operations that start and drive agents are added by the agent
 * manager.
 *
 * <p>Threading: safe from any thread and from several CAM processes at once (the store serialises
 * writes).
 */
public interface Agents {
  /**
   * The agent with this id or unique id prefix.
   *
   * @throws NotFoundException when none matches
   * @throws AmbiguousIdException when several match
   */
  Agent find(String idOrPrefix);

  List<Agent> list(AgentQuery query);

  /** Inserts or replaces the agent's stored record. */
  void save(Agent agent);

  /**
   * Deletes the agent's record ({@code cam prune}); its events stay in the global sequence.
   *
   * @return whether there was a record
   * @throws UnsupportedOperationException when this store cannot delete
   */
  default boolean delete(String id) {
    throw new UnsupportedOperationException("this store cannot delete agents");
  }
}
