package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentStatus;
import dev.cam.api.NotFoundException;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, status, history, stats and prune against a real store. */
class ReadCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void seed() {
    rig = new CliRig(temp);
    rig.agent("aaa111", "claude", AgentStatus.COMPLETED, Duration.ofHours(3));
    rig.agent("aaa222", "codex", AgentStatus.FAILED, Duration.ofMinutes(30));
    rig.agent("bbb333", "claude", AgentStatus.RUNNING, Duration.ofMinutes(3));
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void listShowsNewestFirstWithRelativeTimesAndNoColourOffATerminal() {
    assertEquals(0, rig.cam("list"));

    List<String> lines = rig.out().lines().toList();
    assertTrue(lines.get(0).startsWith("ID "), lines.get(0));
    assertTrue(lines.get(1).startsWith("bbb333") && lines.get(1).contains("3m ago"), lines.get(1));
    assertTrue(lines.get(3).startsWith("aaa111") && lines.get(3).contains("3h ago"), lines.get(3));
    assertFalse(rig.out().contains("\u001b"), "no colour codes when not a terminal");
  }

  @Test
  void listFiltersByStatusAndToolAndLimits() {
    assertEquals(0, rig.cam("list", "--status", "completed,failed", "--tool", "claude"));
    assertEquals(2, rig.out().lines().count(), rig.out());
    assertTrue(rig.out().contains("aaa111"));

    rig.clear();
    assertEquals(0, rig.cam("list", "-n", "1"));
    assertEquals(2, rig.out().lines().count(), rig.out());
  }

  @Test
  void listJsonIsOneDocumentWithTheApiShape() throws Exception {
    assertEquals(0, rig.cam("list", "--json"));

    JsonNode agents = JSON.readTree(rig.out()).get("agents");
    assertEquals(3, agents.size());
    JsonNode first = agents.get(0);
    assertEquals("bbb333", first.get("id").asText());
    assertEquals("running", first.get("status").asText());
    assertEquals("local", first.get("machine").asText());
    assertTrue(first.get("options").has("auto_confirm"));
    assertTrue(first.get("finished_at").isNull());
  }

  @Test
  void aBadStatusIsAUsageErrorNamingTheAllowedOnes() {
    assertEquals(2, rig.cam("list", "--status", "happy"));
    assertTrue(rig.err().contains("use one of pending"), rig.err());
  }

  @Test
  void statusFindsAnAgentByUniquePrefix() {
    assertEquals(0, rig.cam("status", "bbb"));

    assertTrue(rig.out().startsWith("agent     bbb333"), rig.out());
    assertTrue(rig.out().contains("status    running  attempt 1"), rig.out());
  }

  @Test
  void anAmbiguousPrefixListsTheCandidatesOnOneLineWithExitTwo() {
    assertEquals(2, rig.cam("status", "aaa"));

    assertEquals(1, rig.err().lines().count(), rig.err());
    assertTrue(rig.err().contains("aaa111, aaa222"), rig.err());
  }

  @Test
  void anUnknownIdIsExitThree() {
    assertEquals(3, rig.cam("status", "ccc"));
    assertTrue(rig.err().startsWith("cam: no agent 'ccc'"), rig.err());
  }

  @Test
  void statusJsonCarriesTheAgentAndItsLastEvents() throws Exception {
    rig.kernel().events().publish("bbb333", "state_change", Map.of("from", "a", "to", "b"));

    assertEquals(0, rig.cam("status", "bbb333", "--json"));

    JsonNode status = JSON.readTree(rig.out());
    assertEquals("bbb333", status.get("agent").get("id").asText());
    assertEquals("state_change", status.get("events").get(0).get("type").asText());
  }

  @Test
  void historyListsOnlyEndedAgentsWithHowLongTheyRan() {
    assertEquals(0, rig.cam("history"));

    assertEquals(3, rig.out().lines().count(), rig.out());
    assertFalse(rig.out().contains("bbb333"));
    assertTrue(rig.out().contains("1m00s"), rig.out());
    assertTrue(rig.out().contains("tool exited"), rig.out());
  }

  @Test
  void statsCountsByStatusAndTool() throws Exception {
    assertEquals(0, rig.cam("stats", "--json"));

    JsonNode stats = JSON.readTree(rig.out());
    assertEquals(3, stats.get("total").asInt());
    assertEquals(1, stats.get("by_status").get("running").asInt());
    JsonNode claude = stats.get("by_tool").get(0);
    assertEquals("claude", claude.get("tool").asText());
    assertEquals(1.0, claude.get("success_rate").asDouble());
    assertEquals(60, claude.get("avg_runtime_s").asInt());
  }

  @Test
  void pruneDryRunDeletesNothingAndPruneDeletesEndedAgentsAndLogs() {
    rig.kernel().events().publish("aaa111", "finalize", Map.of());
    assertTrue(rig.kernel().logs().read("aaa111", 0).size() == 1);

    assertEquals(0, rig.cam("prune", "--dry-run"));
    assertTrue(rig.out().contains("would prune 2 agent(s)"), rig.out());
    assertEquals("aaa111", rig.kernel().agents().find("aaa111").id());

    assertEquals(0, rig.cam("prune", "--before", "1h"));
    assertThrows(NotFoundException.class, () -> rig.kernel().agents().find("aaa111"));
    assertTrue(rig.kernel().logs().read("aaa111", 0).isEmpty());
    assertEquals("aaa222", rig.kernel().agents().find("aaa222").id(), "ended 29m ago: kept");
    assertEquals("bbb333", rig.kernel().agents().find("bbb333").id());
  }

  @Test
  void pruneRefusesActiveStatuses() {
    assertEquals(2, rig.cam("prune", "--status", "running"));
    assertTrue(rig.err().contains("stop or kill them first"), rig.err());
  }
}
