package dev.cam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPruneTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void noStatusesMeansEveryEndedOne() {
    assertEquals(
        Set.of(AgentStatus.COMPLETED, AgentStatus.FAILED, AgentStatus.TIMEOUT, AgentStatus.KILLED),
        AgentPrune.of(List.of(), null).statuses());
  }

  @Test
  void anActiveStatusIsRefusedSayingWhatToDo() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> AgentPrune.of(List.of("running"), null));
    assertEquals("cannot prune running agents: stop or kill them first", e.getMessage());
    assertThrows(InvalidInputException.class, () -> AgentPrune.of(List.of("finished"), null));
  }

  @Test
  void selectsByStatusAndByWhenTheAgentEnded() {
    AgentPrune prune = AgentPrune.of(List.of("failed"), NOW.minus(Duration.ofDays(7)));

    assertTrue(prune.selects(ended(AgentStatus.FAILED, Duration.ofDays(8))));
    assertFalse(prune.selects(ended(AgentStatus.FAILED, Duration.ofDays(6))), "too recent");
    assertFalse(prune.selects(ended(AgentStatus.COMPLETED, Duration.ofDays(8))), "other status");
  }

  private static Agent ended(AgentStatus status, Duration ago) {
    Instant end = NOW.minus(ago);
    Agent running =
        new Agent(
            "abcdef0123",
            null,
            "claude",
            null,
            null,
            "/tmp",
            "fix it",
            AgentStatus.RUNNING,
            null,
            "tmux",
            "cam-abcdef01",
            end.minusSeconds(60),
            end.minusSeconds(60),
            null,
            null,
            1,
            null);
    return running.withStatus(status, "done", end);
  }
}
