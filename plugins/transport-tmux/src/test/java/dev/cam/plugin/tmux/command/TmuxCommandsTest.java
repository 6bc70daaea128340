package dev.cam.plugin.tmux.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.SessionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmuxCommandsTest {
  @Test
  void trailingSemicolonStaysLiteral() {
    assertEquals("a\\;", TmuxCommands.protect("a;"));
    assertEquals("a\\\\;", TmuxCommands.protect("a\\;"));
    assertEquals("\\;", TmuxCommands.protect(";"));
    assertEquals("a;b", TmuxCommands.protect("a;b"));
  }

  @Test
  void commandsOfOneInvocationAreSeparatedBySemicolonWords() {
    TmuxCommands tmux = new TmuxCommands("tmux", TmuxCommands.socketArgs("cam"));
    assertEquals(
        List.of("tmux", "-L", "cam", "send-keys", "-t", "x", "ls\\;", ";", "kill-server\\;"),
        tmux.invocation(List.of(List.of("send-keys", "-t", "x", "ls;"), List.of("kill-server;"))));
    assertEquals(
        List.of("/opt/tmux", "-S", "/tmp/s", "attach", "-t", "a;"),
        new TmuxCommands("/opt/tmux", TmuxCommands.socketArgs("/tmp/s"))
            .commandLine(List.of("attach", "-t", "a;")));
  }

  @Test
  void versionsCompare() {
    assertTrue(TmuxFeatures.atLeast("3.3a", 3, 2));
    assertTrue(TmuxFeatures.atLeast("3.2", 3, 2));
    assertFalse(TmuxFeatures.atLeast("3.1c", 3, 2));
    assertFalse(TmuxFeatures.atLeast("2.9", 3, 2));
    assertTrue(TmuxFeatures.atLeast("next-3.6", 3, 2));
    assertTrue(TmuxFeatures.atLeast("master", 3, 2));
    assertEquals(new TmuxFeatures(true, false), TmuxFeatures.of(TmuxFeatures.version("tmux 3.2a")));
  }

  @Test
  void oneWordCommandsAndOldTmuxGoThroughEnv() {
    SessionSpec one = new SessionSpec("cam-x", null, "/", List.of("claude"), Map.of(), 80, 24);
    assertEquals(List.of("--", "env", "claude"), SessionCommand.program(one, true));
    SessionSpec env =
        new SessionSpec("cam-x", null, "/", List.of("a", "b"), Map.of("K", "v w"), 80, 24);
    assertEquals(List.of("-e", "K=v w", "--", "a", "b"), SessionCommand.program(env, true));
    assertEquals(List.of("--", "env", "K=v w", "a", "b"), SessionCommand.program(env, false));
  }

  @Test
  void aSessionWithoutDirectoryLeavesItToTmux() {
    SessionSpec spec = new SessionSpec("cam-x", null, null, List.of("a", "b"), Map.of(), 80, 24);
    List<List<String>> commands =
        SessionCommand.create(spec, "cam-x", null, new TmuxFeatures(true, true), 100);
    assertFalse(commands.get(1).contains("-c"), commands.toString());
    List<List<String>> withDir =
        SessionCommand.create(spec, "cam-x", "/a#b", new TmuxFeatures(true, true), 100);
    assertTrue(String.join(" ", withDir.get(1)).contains("-c /a##b"), withDir.toString());
    assertEquals(4, withDir.size());
  }

  @Test
  void textWithLineBreaksOrLongTextIsPasted() {
    assertFalse(TextInput.needsPaste("short line with $ and ;"));
    assertTrue(TextInput.needsPaste("two\nlines"));
    assertTrue(TextInput.needsPaste("x".repeat(TextInput.TYPE_LIMIT + 1)));
    assertTrue(TextInput.needsPaste("é".repeat(TextInput.TYPE_LIMIT / 2 + 1)));
  }
}
