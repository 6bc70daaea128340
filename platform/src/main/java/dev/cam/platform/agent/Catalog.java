package dev.cam.platform.agent;

import dev.cam.api.Agent;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the tool adapter and the transport an agent needs among those the plugins offer now.
 * Suppliers are asked each time, so plugins started later are found.
 */
public final class Catalog {
  private final Supplier<List<Transport>> transports;
  private final Supplier<List<ToolAdapter>> tools;

  public Catalog(Supplier<List<Transport>> transports, Supplier<List<ToolAdapter>> tools) {
    this.transports = transports;
    this.tools = tools;
  }

  /** The adapter with that id; the error lists the ones there are. */
  public ToolAdapter tool(String id) {
    List<ToolAdapter> all = tools.get();
    return all.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown tool '"
                        + id
                        + "': use one of "
                        + all.stream()
                            .map(ToolAdapter::id)
                            .sorted()
                            .collect(Collectors.joining(", "))
                        + " or add its plugin or rules file"));
  }

  /** The first transport that can hold sessions on that machine. */
  public Transport transportFor(Machine machine) {
    return transports.get().stream()
        .filter(t -> t.supports(machine))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "no transport can run sessions on "
                        + machine.label()
                        + ": install the transport plugin for it (tmux for local, ssh for remote)"));
  }

  /** The transport an agent's sessions live on: the one recorded, else one for its machine. */
  public Transport transportOf(Agent agent) {
    return agent.transport() == null ? transportFor(agent.machine()) : transport(agent.transport());
  }

  /** The transport with that id, as recorded on an agent. */
  public Transport transport(String id) {
    return transports.get().stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "transport '"
                        + id
                        + "' is not available: is its plugin installed and started?"));
  }
}
