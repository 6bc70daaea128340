package dev.cam.platform.agent;

import dev.cam.api.Agent;
import dev.cam.api.EventTypes;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import dev.cam.platform.monitor.AgentJournal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What people send to an agent's session and read from it. Input is recorded before it is sent,
 * since the monitor may react to it at once; {@code touched} then tells the monitor.
 */
final class AgentInput {
  private final AgentJournal journal;
  private final Catalog catalog;
  private final Duration submitPause;
  private final Consumer<String> touched;

  AgentInput(
      AgentJournal journal, Catalog catalog, Duration submitPause, Consumer<String> touched) {
    this.journal = journal;
    this.catalog = catalog;
    this.submitPause = submitPause;
    this.touched = touched;
  }

  void send(String id, String text, boolean enter) {
    Agent agent = live(id);
    SessionRef session = Sessions.of(agent);
    Transport transport = catalog.transportOf(agent);
    journal.event(agent.id(), EventTypes.INPUT, Map.of("text", text, "enter", enter, "by", "user"));
    transport.sendText(session, text);
    if (enter) {
      Duration toolPause = catalog.tool(agent.tool()).submitPause();
      Sessions.pause(toolPause.compareTo(submitPause) > 0 ? toolPause : submitPause);
      transport.sendKeys(session, List.of("Enter"));
    }
    touched.accept(agent.id());
  }

  void keys(String id, List<String> keys) {
    Agent agent = live(id);
    journal.event(agent.id(), EventTypes.INPUT, Map.of("keys", keys, "by", "user"));
    catalog.transportOf(agent).sendKeys(Sessions.of(agent), keys);
    touched.accept(agent.id());
  }

  /** The screen of a running agent, or of a finished one whose session was kept. */
  Screen output(String id, int lines) {
    Agent agent = journal.agents().find(id);
    SessionRef session = Sessions.of(agent);
    if (agent.status().isTerminal() && session != null) {
      Transport transport = catalog.transportOf(agent);
      if (transport.isAlive(session)) {
        return transport.capture(session, Math.max(0, lines), false);
      }
    }
    agent = live(id);
    return catalog.transportOf(agent).capture(Sessions.of(agent), Math.max(0, lines), false);
  }

  private Agent live(String id) {
    Agent agent = journal.agents().find(id);
    if (agent.status().isTerminal() || agent.session() == null) {
      throw new InvalidInputException(
          "agent "
              + agent.shortId()
              + " is "
              + agent.status().wireName()
              + " and has no live session; see its log with 'cam logs "
              + agent.shortId()
              + "'");
    }
    return agent;
  }
}
