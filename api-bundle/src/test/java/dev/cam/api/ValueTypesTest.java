package dev.cam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void contextCopiesItsTagsAndDefaultsToThisMachine() {
    List<String> tags = new ArrayList<>(List.of("web"));
    Context context = new Context("site", "/srv/site", null, tags);
    tags.add("later");
    assertEquals(List.of("web"), context.tags());
    assertTrue(context.machine().isLocal());
  }

  @Test
  void contextRejectsRelativePathsAndOddNamesWithAHint() {
    InvalidInputException relative =
        assertThrows(InvalidInputException.class, () -> new Context("a", "src", null, null));
    assertTrue(relative.getMessage().contains("absolute"));
    InvalidInputException name =
        assertThrows(InvalidInputException.class, () -> new Context("-x", "/tmp", null, null));
    assertTrue(name.getMessage().contains("letters, digits"));
  }

  @Test
  void statusesKnowWhichAreTerminalAndParseCaseInsensitively() {
    assertTrue(AgentStatus.KILLED.isTerminal());
    assertFalse(AgentStatus.RETRYING.isTerminal());
    assertEquals(AgentStatus.WAITING, AgentStatus.parse(" Waiting "));
    InvalidInputException bad =
        assertThrows(InvalidInputException.class, () -> AgentStatus.parse("done"));
    assertTrue(bad.getMessage().contains("completed"));
  }

  @Test
  void agentStatesAreAnOpenSetOfLowerCaseWords() {
    assertEquals(AgentState.EDITING, AgentState.of("editing"));
    assertEquals("compacting", AgentState.of("compacting").name());
    assertThrows(InvalidInputException.class, () -> AgentState.of("Editing Files"));
  }

  @Test
  void terminalStatusSetsFinishTimeAndNextAttemptClearsIt() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Agent agent =
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
            now,
            now,
            null,
            null,
            1,
            null);
    Agent failed = agent.withStatus(AgentStatus.FAILED, "crashed", now);
    assertEquals(now, failed.finishedAt());
    Agent retry = failed.nextAttempt();
    assertEquals(2, retry.attempt());
    assertNull(retry.finishedAt());
    assertNull(retry.session());
    assertEquals("abcdef01", retry.shortId());
  }

  @Test
  void ambiguousPrefixListsTheCandidates() {
    AmbiguousIdException e = new AmbiguousIdException("agent", "ab", List.of("ab12", "ab34"));
    assertTrue(e.getMessage().contains("ab12, ab34"));
  }

  @Test
  void screenKnowsItsLastNonBlankLine() {
    Screen screen = Screen.of("hello\n❯ \n\n");
    assertEquals("❯ ", screen.lastNonBlankLine());
    assertEquals(4, screen.height());
  }
}
