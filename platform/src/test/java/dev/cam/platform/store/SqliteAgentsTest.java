package dev.cam.platform.store;

import static dev.cam.platform.store.Agents.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.AmbiguousIdException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAgentsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path tmp;
  private Store store;
  private SqliteAgents agents;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("cam.db"));
    agents = store.agents();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void savedAgentReadsBackWithEveryField() {
    Agent agent =
        new Agent(
            "0123456789abcdef",
            "fix-tests",
            "claude",
            "web",
            Machine.remote("box", "me", 2222, "/k"),
            "/src",
            "make the tests pass",
            AgentStatus.RUNNING,
            AgentState.EDITING,
            "ssh",
            "cam-01234567",
            T0,
            T0.plusSeconds(1),
            null,
            null,
            2,
            new AgentOptions(
                Duration.ofMinutes(30), Duration.ofMinutes(5), 3, false, Map.of("A", "1")));
    agents.save(agent);
    assertEquals(agent, agents.find("0123456789abcdef"));
  }

  @Test
  void saveReplacesTheStoredRecord() {
    Agent agent = agent("aa11", AgentStatus.PENDING, "claude", null, T0);
    agents.save(agent);
    agents.save(agent.withStatus(AgentStatus.FAILED, "not logged in", T0.plusSeconds(5)));
    Agent stored = agents.find("aa11");
    assertEquals(AgentStatus.FAILED, stored.status());
    assertEquals("not logged in", stored.exitReason());
    assertEquals(T0.plusSeconds(5), stored.finishedAt());
    assertEquals(1, agents.list(AgentQuery.ALL).size());
  }

  @Test
  void uniquePrefixFindsTheAgent() {
    agents.save(agent("abc123", AgentStatus.PENDING, "claude", null, T0));
    agents.save(agent("abd456", AgentStatus.PENDING, "claude", null, T0));
    assertEquals("abc123", agents.find("abc").id());
    assertEquals("abd456", agents.find("ABD").id());
  }

  @Test
  void ambiguousPrefixListsTheCandidates() {
    agents.save(agent("abc123", AgentStatus.PENDING, "claude", null, T0));
    agents.save(agent("abc456", AgentStatus.PENDING, "claude", null, T0));
    agents.save(agent("abd789", AgentStatus.PENDING, "claude", null, T0));
    AmbiguousIdException e = assertThrows(AmbiguousIdException.class, () -> agents.find("ab"));
    assertEquals(List.of("abc123", "abc456", "abd789"), e.candidates());
    assertTrue(e.getMessage().contains("abc123, abc456, abd789"), e.getMessage());
  }

  @Test
  void fullIdWinsOverLongerIdsItPrefixes() {
    agents.save(agent("abc", AgentStatus.PENDING, "claude", null, T0));
    agents.save(agent("abcd", AgentStatus.PENDING, "claude", null, T0));
    assertEquals("abc", agents.find("abc").id());
  }

  @Test
  void unknownPrefixIsNotFoundWithAHint() {
    agents.save(agent("abc123", AgentStatus.PENDING, "claude", null, T0));
    NotFoundException e = assertThrows(NotFoundException.class, () -> agents.find("ff"));
    assertTrue(e.getMessage().contains("cam list"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> agents.find(" "));
  }

  @Test
  void listFiltersAndPagesNewestFirst() {
    for (int i = 0; i < 10; i++) {
      AgentStatus status = i % 2 == 0 ? AgentStatus.RUNNING : AgentStatus.COMPLETED;
      agents.save(
          agent(
              "a" + i,
              status,
              i < 5 ? "claude" : "codex",
              i < 3 ? "web" : null,
              T0.plusSeconds(i)));
    }
    assertEquals(List.of("a9", "a8", "a7"), ids(new AgentQuery(Set.of(), null, null, 3, 0)));
    assertEquals(List.of("a6", "a5", "a4"), ids(new AgentQuery(Set.of(), null, null, 3, 3)));
    assertEquals(
        List.of("a8", "a6", "a4", "a2", "a0"),
        ids(new AgentQuery(Set.of(AgentStatus.RUNNING), null, null, 0, 0)));
    assertEquals(
        List.of("a9", "a8", "a7", "a6", "a5"),
        ids(
            new AgentQuery(
                Set.of(AgentStatus.RUNNING, AgentStatus.COMPLETED), "codex", null, 0, 0)));
    assertEquals(
        List.of("a2", "a0"),
        ids(new AgentQuery(Set.of(AgentStatus.RUNNING), "claude", "web", 0, 0)));
  }

  @Test
  void deleteRemovesTheRecord() {
    agents.save(agent("abc", AgentStatus.PENDING, "claude", null, T0));
    assertTrue(agents.delete("abc"));
    assertThrows(NotFoundException.class, () -> agents.find("abc"));
  }

  private List<String> ids(AgentQuery query) {
    return agents.list(query).stream().map(Agent::id).toList();
  }
}
