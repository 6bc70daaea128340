package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
  @TempDir Path temp;
  private CliRig rig;
  private Agent agent;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp);
    agent = rig.agent("abc123", "claude", AgentStatus.RUNNING, Duration.ofMinutes(1));
    for (int i = 1; i <= 3; i++) {
      rig.kernel().events().publish(agent.id(), "output", Map.of("n", i));
    }
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void printsTheLastEntriesOneALine() {
    assertEquals(0, rig.cam("logs", "abc", "-n", "2"));

    List<String> lines = rig.out().lines().toList();
    assertEquals(2, lines.size(), rig.out());
    assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d  output  n=2"), lines.get(0));
  }

  @Test
  void jsonIsOneDocumentWithTheEntries() throws Exception {
    assertEquals(0, rig.cam("logs", "abc", "--json"));

    var doc = new ObjectMapper().readTree(rig.out());
    assertEquals("abc123", doc.get("agent_id").asText());
    assertEquals(3, doc.get("entries").size());
    assertEquals(3, doc.get("entries").get(2).get("n").asInt());
  }

  @Test
  void followPrintsNewEntriesAsJsonLinesAndStopsWhenTheAgentEnds() throws Exception {
    CompletableFuture<Integer> follow =
        CompletableFuture.supplyAsync(() -> rig.cam("logs", "abc", "-f", "--json", "-n", "1"));
    awaitOutput("\"n\":3");
    rig.kernel().events().publish(agent.id(), "output", Map.of("n", 4));
    rig.kernel().agents().save(agent.withStatus(AgentStatus.COMPLETED, null, Instant.now()));
    rig.kernel().events().publish(agent.id(), "finalize", Map.of("status", "completed"));

    assertEquals(0, follow.get(10, TimeUnit.SECONDS));
    List<String> lines = rig.out().lines().toList();
    assertTrue(lines.size() >= 2, rig.out());
    assertTrue(lines.get(0).contains("\"n\":3"), lines.get(0));
    assertTrue(lines.get(1).startsWith("{\"ts\"") && lines.get(1).contains("\"n\":4"), rig.out());
  }

  private void awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!rig.out().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' in: " + rig.out());
      }
      Thread.sleep(20);
    }
  }
}
