package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.Journal;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TmuxTransportIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  TmuxTransport transport;
  int sessions;
  final List<Subscription> watches = new java.util.ArrayList<>();

  /** Whether sessions are watched, so commands go over the control client. */
  boolean watched() {
    return false;
  }

  @BeforeEach
  void start() {
    transport = new TmuxTransport(TmuxSettings.at(tmux.socket()));
  }

  @AfterEach
  void stop() {
    watches.forEach(Subscription::close);
    transport.list(Machine.LOCAL).forEach(transport::kill);
    transport.close();
  }

  SessionRef agent(String... steps) throws Exception {
    Path script = FakeAgent.script(dir, steps);
    return session(FakeAgent.command(script, dir.resolve("journal")), Map.of());
  }

  SessionRef session(List<String> command, Map<String, String> env) {
    String name = "cam-t" + (++sessions);
    SessionRef ref =
        transport.create(new SessionSpec(name, null, dir.toString(), command, env, 100, 30));
    if (watched()) {
      watches.add(transport.watch(ref, () -> {}));
    }
    return ref;
  }

  Screen screenShowing(SessionRef session, String text) {
    return Await.value(
        () -> transport.capture(session, 0, false), s -> s.text().contains(text), WAIT);
  }

  List<String> journal(String event, int count) {
    Path file = dir.resolve("journal");
    Await.until(() -> Journal.texts(file, event).size() >= count, WAIT, count + " x " + event);
    return Journal.texts(file, event);
  }

  @Test
  void createdSessionRunsItsProgramAndIsListed() throws Exception {
    SessionRef session = agent("say hello from the agent", "ready");
    Screen screen = screenShowing(session, "│ ❯");
    assertTrue(screen.text().contains("⏺ hello from the agent"), screen.text());
    assertEquals(100, screen.width());
    assertEquals(30, screen.height());
    assertEquals(30, screen.lines().size());
    assertTrue(transport.isAlive(session));
    assertEquals(List.of(session), transport.list(Machine.LOCAL));
    assertEquals(
        List.of("tmux", "-S", tmux.socket().toString(), "attach-session", "-t", session.name()),
        transport.attachCommand(session));
  }

  @Test
  void typedPromptArrivesAndSubmitsOnEnter() throws Exception {
    SessionRef session = agent("ready", "ready");
    screenShowing(session, "│ ❯");
    transport.sendText(session, "fix the failing test");
    screenShowing(session, "│ ❯ fix the failing test");
    transport.sendKeys(session, List.of("Enter"));
    assertEquals(List.of("fix the failing test"), journal("prompt", 1));
    screenShowing(session, "> fix the failing test");
  }

  @Test
  void anyTextArrivesExactlyAsSent() throws Exception {
    List<String> texts =
        List.of(
            "it's \"quoted\" 'single' $HOME ${PATH} `whoami` $(id) ; && || | > < * ? ~ # !",
            "back\\slash \\n not-a-newline \\t %s %n %% {} [] \\;",
            "ends with a semicolon;",
            "ends with an escaped semicolon\\;",
            "-starts with a dash",
            "unicode: héllo wörld — ✓ 日本語 Ωμέγα 😀🚀👩‍💻",
            "multi\nline\nprompt with \"quotes\" and $VARS;\n\tindented",
            ";");
    String[] steps = new String[texts.size()];
    java.util.Arrays.fill(steps, "ready");
    SessionRef session = agent(steps);
    for (int i = 0; i < texts.size(); i++) {
      screenShowing(session, "│ ❯");
      transport.sendText(session, texts.get(i));
      transport.sendKeys(session, List.of("Enter"));
      journal("prompt", i + 1);
    }
    assertEquals(texts, journal("prompt", texts.size()));
  }

  @Test
  void hundredKilobytesArriveByteForByte() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; lines.length() < 100_000; i++) {
      lines.append("line ").append(i).append(": $HOME `x` \"q\" 'y' ; é 😀 \\ end\n");
    }
    String oneLine = lines.toString().replace('\n', ' ');
    assertBytesArrive(lines.toString());
    assertBytesArrive(oneLine);
  }

  void assertBytesArrive(String text) {
    byte[] expected = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path out = dir.resolve("received-" + sessions);
    // exec: head itself reads the terminal, after stty made it raw (no line editing, no limit)
    String script =
        "stty raw -echo; echo READY; exec head -c " + expected.length + " > '" + out + "'";
    SessionRef session = session(List.of("sh", "-c", script), Map.of());
    screenShowing(session, "READY");
    transport.sendText(session, text);
    Await.until(() -> sizeOf(out) == expected.length, WAIT, "all bytes at " + out);
    Await.until(() -> java.util.Arrays.equals(readAll(out), expected), WAIT, "identical bytes");
  }

  static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void namedKeysReachTheProgram() throws Exception {
    SessionRef session =
        agent(
            "trust",
            "permission Bash(make)",
            "permission Bash(rm -rf /)",
            "permission Bash(ls)",
            "ready",
            "ready");
    screenShowing(session, "Yes, I trust this folder");
    transport.sendKeys(session, List.of("Enter"));
    screenShowing(session, "Bash(make)");
    transport.sendKeys(session, List.of("1"));
    screenShowing(session, "Bash(rm -rf /)");
    transport.sendKeys(session, List.of("Escape"));
    screenShowing(session, "Bash(ls)");
    transport.sendKeys(session, List.of("Down", "Enter"));
    screenShowing(session, "│ ❯");
    transport.sendKeys(session, List.of("a", "b", "c", "BSpace", "é", "Enter"));
    screenShowing(session, "> abé");
    transport.sendKeys(session, List.of("C-c"));
    Await.until(() -> !transport.isAlive(session), WAIT, "exit on C-c");
    assertEquals(List.of("yes"), Journal.texts(dir.resolve("journal"), "trust"));
    assertEquals(List.of("yes", "no", "no"), Journal.texts(dir.resolve("journal"), "permission"));
    assertEquals(List.of("abé"), Journal.texts(dir.resolve("journal"), "prompt"));
    assertEquals(List.of("130"), Journal.texts(dir.resolve("journal"), "exit"));
  }

  @Test
  void unknownKeyNameIsRefusedInsteadOfTyped() throws Exception {
    SessionRef session = agent("ready");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> transport.sendKeys(session, List.of("Entr")));
    assertTrue(e.getMessage().contains("unknown key 'Entr'"), e.getMessage());
  }

  @Test
  void scrollbackAboveTheScreenIsCaptured() throws Exception {
    SessionRef session = agent("lines 300 row", "ready");
    screenShowing(session, "│ ❯");
    Screen visible = transport.capture(session, 0, false);
    assertFalse(visible.text().contains("row 250\n"), visible.text());
    Screen withHistory = transport.capture(session, 100, false);
    assertEquals(130, withHistory.lines().size());
    assertTrue(withHistory.lines().contains("row 250"), withHistory.text());
    assertEquals(30, withHistory.height());
  }

  @Test
  void crashedProgramIsNotAliveButItsLastScreenRemains() throws Exception {
    SessionRef session = agent("say working on it", "crash 3");
    Await.until(() -> !transport.isAlive(session), WAIT, "the crash");
    Screen last = transport.capture(session, 0, false);
    assertTrue(last.text().contains("⏺ working on it"), last.text());
    assertTrue(last.text().contains("Error: the fake agent crashed (exit 3)"), last.text());
    assertEquals(List.of(session), transport.list(Machine.LOCAL));
  }

  @Test
  void killEndsTheSessionAndIsHarmlessTwice() throws Exception {
    SessionRef session = agent("ready");
    screenShowing(session, "│ ❯");
    long pid =
        Long.parseLong(
            tmux.tmux("display", "-p", "-t", "=" + session.name() + ":", "#{pane_pid}").strip());
    transport.kill(session);
    transport.kill(session);
    assertFalse(transport.isAlive(session));
    assertEquals(List.of(), transport.list(Machine.LOCAL));
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    TransportException gone =
        assertThrows(TransportException.class, () -> transport.capture(session, 0, false));
    assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
  }

  @Test
  void environmentAndWorkingDirectoryReachTheProgram() throws Exception {
    Path cwd = Files.createDirectories(dir.resolve("work dir; $x #(touch pwned)"));
    String value = "a b $HOME `id`;";
    SessionRef session =
        transport.create(
            new SessionSpec(
                "cam-env",
                null,
                cwd.toString(),
                List.of("sh", "-c", "printf '%s|%s|done' \"$CAM_TEST\" \"$PWD\"; sleep 0.5"),
                Map.of("CAM_TEST", value),
                300,
                30));
    Screen screen = screenShowing(session, "|done");
    assertTrue(screen.text().contains(value + "|" + cwd.toRealPath() + "|done"), screen.text());
    // Both programs linger a moment: tmux may close the pane of a program that exits at once before
    // reading its output. A one-word command (a path with a space, ; $ and #) runs without a shell.
    Path program = cwd.resolve("show dir");
    Files.writeString(program, "#!/bin/sh\npwd\nsleep 0.5\n");
    Files.setPosixFilePermissions(
        program, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    SessionRef single =
        transport.create(
            new SessionSpec(
                "cam-pwd", null, cwd.toString(), List.of(program.toString()), null, 400, 30));
    screenShowing(single, cwd.toRealPath().toString());
    Await.until(() -> !transport.isAlive(single), WAIT, "pwd to end");
    assertFalse(Files.exists(dir.resolve("pwned")) || Files.exists(cwd.resolve("pwned")));
  }

  @Test
  void colourIsStrippedUnlessAskedFor() throws Exception {
    SessionRef session =
        session(List.of("sh", "-c", "printf '\\033[31mred text\\033[0m\\n'; sleep 60"), Map.of());
    Screen plain = screenShowing(session, "red text");
    assertFalse(plain.text().contains("\u001b["), plain.text());
    Screen coloured = transport.capture(session, 0, true);
    assertTrue(coloured.text().contains("\u001b[31mred text"), coloured.text());
  }

  @Test
  void listShowsOnlyCamSessions() throws Exception {
    SessionRef ours = agent("ready");
    tmux.tmux("new-session", "-d", "-s", "somebody-else", "sleep 60");
    assertEquals(List.of(ours), transport.list(Machine.LOCAL));
    tmux.tmux("kill-session", "-t", "=somebody-else");
  }

  @Test
  void duplicateOrInvalidNamesAndRemoteMachinesAreRefused() throws Exception {
    SessionRef session = agent("ready");
    SessionSpec again =
        new SessionSpec(session.name(), null, dir.toString(), List.of("true", "x"), null, 80, 24);
    TransportException duplicate =
        assertThrows(TransportException.class, () -> transport.create(again));
    assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
    SessionSpec badName =
        new SessionSpec("cam-a.b:c", null, dir.toString(), List.of("true"), null, 80, 24);
    assertThrows(InvalidInputException.class, () -> transport.create(badName));
    SessionSpec remote =
        new SessionSpec(
            "cam-r",
            Machine.remote("example.org", null, 0, null),
            dir.toString(),
            List.of("true"),
            null,
            80,
            24);
    assertFalse(transport.supports(remote.machine()));
    assertThrows(InvalidInputException.class, () -> transport.create(remote));
  }

  @Test
  void testReportsVersionAndLatency() {
    var report = transport.test(Machine.LOCAL);
    assertTrue(report.reachable());
    assertTrue(report.tmuxVersion().matches("\\d+\\.\\d+.*"), report.tmuxVersion());
    assertTrue(report.latency().toMillis() < 5_000);
  }
}
