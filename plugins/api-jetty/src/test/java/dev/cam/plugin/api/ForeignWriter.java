package dev.cam.plugin.api;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Another CAM process writing the same store, as a {@code cam run} in a second JVM does:
 *
 * <pre>ForeignWriter DATA_DIR AGENT_ID EVENTS</pre>
 *
 * Saves the agent as running, publishes EVENTS state changes, prints {@code ready}, waits for a
 * line on stdin, then saves the agent as completed with its {@code status_change} and prints {@code
 * done}.
 */
public final class ForeignWriter {
  private ForeignWriter() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String id = args[1];
    int count = Integer.parseInt(args[2]);
    try (Store store = Store.open(data.resolve("cam.db"))) {
      StoredEventBus events =
          new StoredEventBus(store.events(), new JsonlAgentLogs(data.resolve("logs")));
      Agent agent = RestApiIT.agent(id, "fake", null, AgentStatus.RUNNING, Instant.now());
      store.agents().save(agent);
      for (int i = 0; i < count; i++) {
        events.publish(id, EventTypes.STATE_CHANGE, Map.of("i", i, "from", "foreign"));
      }
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      store.agents().save(agent.withStatus(AgentStatus.COMPLETED, "done", Instant.now()));
      events.publish(id, EventTypes.STATUS_CHANGE, Map.of("from", "running", "to", "completed"));
      System.out.println("done");
    }
  }

  /** The command running it with this JVM and the test class path. */
  static List<String> command(Path dataDir, String agentId, int events) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        ForeignWriter.class.getName(),
        dataDir.toString(),
        agentId,
        Integer.toString(events));
  }
}
