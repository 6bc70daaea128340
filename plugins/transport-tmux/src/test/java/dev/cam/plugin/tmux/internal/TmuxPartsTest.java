package dev.cam.plugin.tmux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.SessionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmuxPartsTest {
  @Test
  void trailingSemicolonStaysLiteral() {
    assertEquals("a\\;", TmuxClient.protect("a;"));
    assertEquals("a\\\\;", TmuxClient.protect("a\\;"));
    assertEquals("\\;", TmuxClient.protect(";"));
    assertEquals("a;b", TmuxClient.protect("a;b"));
  }

  @Test
  void outputNotificationsNameTheirPane() {
    assertEquals("%12", ControlClient.outputPane("%output %12 hello\\015\\012"));
    assertEquals("%3", ControlClient.outputPane("%extended-output %3 15 : x"));
    assertEquals("%7", ControlClient.outputPane("%subscription-changed cam-dead $0 @1 1 %7 : 1"));
    assertNull(ControlClient.outputPane("%subscription-changed cam-dead $0 @1 1 %7 : 0"));
    assertNull(ControlClient.outputPane("%begin 1 2 0"));
    assertNull(ControlClient.outputPane("%window-renamed @1 sh"));
  }

  @Test
  void versionsCompare() {
    assertTrue(TmuxProbe.atLeast("3.3a", 3, 2));
    assertTrue(TmuxProbe.atLeast("3.2", 3, 2));
    assertFalse(TmuxProbe.atLeast("3.1c", 3, 2));
    assertFalse(TmuxProbe.atLeast("2.9", 3, 2));
    assertTrue(TmuxProbe.atLeast("next-3.6", 3, 2));
    assertTrue(TmuxProbe.atLeast("master", 3, 2));
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
  void textWithLineBreaksOrLongTextIsPasted() {
    assertFalse(TextInput.needsPaste("short line with $ and ;"));
    assertTrue(TextInput.needsPaste("two\nlines"));
    assertTrue(TextInput.needsPaste("x".repeat(TextInput.TYPE_LIMIT + 1)));
    assertTrue(TextInput.needsPaste("é".repeat(TextInput.TYPE_LIMIT / 2 + 1)));
  }
}
