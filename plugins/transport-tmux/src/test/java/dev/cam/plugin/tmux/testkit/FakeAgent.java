package dev.cam.plugin.tmux.testkit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scripted program that behaves like a TUI coding agent, for tests that run it in tmux:
 *
 * <pre>java -cp &lt;test classpath&gt; dev.cam.plugin.tmux.testkit.FakeAgent SCRIPT [JOURNAL]</pre>
 *
 * ({@link #command} builds that line). It reads keys unbuffered and unechoed from its terminal,
 * with bracketed paste on, and restores the terminal on exit. What it received and answered is
 * appended to the optional {@link Journal} file.
 *
 * <p>The script has one step per line; {@code #} starts a comment. Text arguments take {@code \n}
 * and {@code \t} escapes.
 *
 * <ul>
 *   <li>{@code trust} - a folder-trust dialog ("Quick safety check: Is this a project you created
 *       or one you trust?", "❯ 1. Yes, I trust this folder / 2. No, exit", "Enter to confirm · Esc
 *       to cancel"). {@code 1}/Enter goes on, {@code 2}/Esc exits with code 1. Journal: {@code
 *       trust yes|no}.
 *   <li>{@code ready-then-trust keep|lose [note]} - the prompt box, and as soon as text is typed
 *       into it the trust dialog over it (a tool that finishes starting up late), with the note
 *       above it, taking every key until it is answered; then the box again with the typed text
 *       ({@code keep}) or empty ({@code lose}), waiting like {@code ready}. Journal: {@code trust
 *       yes|no}, {@code prompt <text>}.
 *   <li>{@code ready} - the idle prompt box {@code │ ❯ … │}: typed characters appear in it (a probe
 *       key echoes), Backspace deletes, a bracketed paste is taken whole with its line breaks,
 *       Enter submits. Journal: {@code prompt <text>}. Ctrl-C exits with code 130.
 *   <li>{@code busy <duration> <label>} - a spinner line "✻ Label… (3s · esc to interrupt)" redrawn
 *       every 100 ms; typed keys are swallowed; Escape interrupts ("Interrupted by user", journal
 *       {@code interrupted}). Durations: {@code 500ms}, {@code 2s}, {@code 1.5}.
 *   <li>{@code permission <text>} - "<text>", "Do you want to proceed?", "❯ 1. Yes / 2. No"; waits:
 *       {@code 1}/Enter yes, {@code 2}/Esc no, arrows move. Journal: {@code permission yes|no}.
 *   <li>{@code slow-permission <duration> <text>} - like {@code permission}, drawn in two steps:
 *       the options without the {@code ❯} first, the cursor after that long.
 *   <li>{@code deaf-permission <n> <text>} - like {@code permission}, but drops its first n keys (a
 *       tool that ignores an answer).
 *   <li>{@code write <file> <text>} - writes the text to the file (relative to the working
 *       directory) and shows "⏺ Write(file)". Journal: {@code write <file>}.
 *   <li>{@code say <text>} - prints "⏺ text".
 *   <li>{@code done [text]} - prints "⏺ text" (default "Done.") and "✻ Worked for Ns", then waits
 *       at the prompt like {@code ready}.
 *   <li>{@code login} - prints "Not logged in · Please run /login".
 *   <li>{@code list} - prints a plain numbered list that looks like a prompt but waits for nothing.
 *   <li>{@code lines <n> [prefix]} - prints n numbered lines ("prefix 1" …), for scrollback.
 *   <li>{@code sleep <duration>} - prints nothing for that long; keys wait.
 *   <li>{@code ticks <n> <interval>} - prints {@code tick <System.nanoTime()>} n times, one per
 *       interval; the clock is the machine's monotonic clock, shared with the test's JVM, so a test
 *       can measure how long after a line was printed it noticed it.
 *   <li>{@code signal <json>} - appends the line to the file named by {@code CAM_SIGNAL_FILE}, as a
 *       tool's hooks do; nothing when that variable is unset. Journal: {@code signal <json>}.
 *   <li>{@code timed-permission <text>} - like {@code permission}, and journals {@code
 *       timed-permission <shown> <answered>}: epoch microseconds when the dialog was drawn and when
 *       the answer arrived, for latency measurements.
 *   <li>{@code crash <code>} - prints an error to stderr and exits with that code.
 *   <li>{@code exit} - prints "Goodbye!" and exits 0. The end of the script exits 0 as well.
 * </ul>
 */
public final class FakeAgent {
  private static final String SPINNER = "·✢✳✶✻✽";
  private final Tty tty;
  private final Keyboard keys;
  private final Journal journal;
  private final long started = System.nanoTime();

  private FakeAgent(Tty tty, Keyboard keys, Journal journal) {
    this.tty = tty;
    this.keys = keys;
    this.journal = journal;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: FakeAgent SCRIPT [JOURNAL]");
      System.exit(2);
    }
    List<FakeScript.Step> steps = FakeScript.parse(Path.of(args[0]));
    Journal journal = new Journal(args.length > 1 ? Path.of(args[1]) : null);
    Tty tty = Tty.raw();
    FakeAgent agent = new FakeAgent(tty, Keyboard.start(System.in), journal);
    int code = agent.run(steps);
    journal.record("exit", String.valueOf(code));
    tty.restore();
    System.exit(code);
  }

  /**
   * The command that runs the fake agent with this JVM and the test kit's class path.
   *
   * @param journal where it records what it received, or {@code null}
   */
  public static List<String> command(Path script, Path journal) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath;
    try {
      classpath =
          Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xshare:auto",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xmx32m",
                "-cp",
                classpath,
                FakeAgent.class.getName(),
                script.toString()));
    if (journal != null) {
      line.add(journal.toString());
    }
    return List.copyOf(line);
  }

  /** Writes a script file and returns its path. */
  public static Path script(Path dir, String... steps) throws IOException {
    Path file = Files.createTempFile(dir, "fake-agent-", ".script");
    Files.writeString(file, String.join("\n", steps) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private int run(List<FakeScript.Step> steps) throws Exception {
    for (FakeScript.Step step : steps) {
      Integer exit = step(step);
      if (exit != null) {
        return exit;
      }
    }
    return 0;
  }

  /** Runs one step; a number means exit with it. */
  private Integer step(FakeScript.Step step) throws Exception {
    String[] split = step.split();
    switch (step.verb()) {
      case "trust" -> {
        return trust();
      }
      case "ready" -> {
        return prompt();
      }
      case "ready-then-trust" -> {
        return coveredPrompt(!split[0].equals("lose"), FakeScript.text(split[1]));
      }
      case "busy" -> busy(FakeScript.duration(split[0]), split[1].isEmpty() ? "Working" : split[1]);
      case "permission" -> permission(FakeScript.text(step.argument()), Duration.ZERO, 0);
      case "slow-permission" ->
          permission(FakeScript.text(split[1]), FakeScript.duration(split[0]), 0);
      case "deaf-permission" ->
          permission(FakeScript.text(split[1]), Duration.ZERO, Integer.parseInt(split[0]));
      case "timed-permission" -> timedPermission(FakeScript.text(step.argument()));
      case "signal" -> signal(step.argument());
      case "write" -> write(split[0], FakeScript.text(split[1]));
      case "say" -> tty.println("⏺ " + FakeScript.text(step.argument()));
      case "done" -> {
        tty.println(
            "⏺ " + (step.argument().isEmpty() ? "Done." : FakeScript.text(step.argument())));
        tty.println("✻ Worked for " + elapsedSeconds() + "s");
        return prompt();
      }
      case "login" -> tty.println("Not logged in · Please run /login");
      case "list" -> list();
      case "lines" -> lines(Integer.parseInt(split[0]), split[1].isEmpty() ? "line" : split[1]);
      case "sleep" -> Thread.sleep(FakeScript.duration(split[0]).toMillis());
      case "ticks" -> ticks(Integer.parseInt(split[0]), FakeScript.duration(split[1]));
      case "crash" -> {
        System.err.println("Error: the fake agent crashed (exit " + split[0] + ")");
        System.err.println("    at FakeAgent.crash(FakeAgent.java:1)");
        return Integer.parseInt(split[0]);
      }
      case "exit" -> {
        tty.println("Goodbye!");
        return 0;
      }
      default -> throw new IllegalArgumentException("unknown step " + step.verb());
    }
    return null;
  }

  private Integer trust() throws InterruptedException {
    if (!askTrust()) {
      tty.println("Exiting.");
      return 1;
    }
    return null;
  }

  /** Asks the trust question; clears the screen after a yes. */
  private boolean askTrust() throws InterruptedException {
    boolean yes =
        new ChoiceDialog(tty, keys)
            .ask(
                List.of(
                    "Do you trust the files in this folder?",
                    "",
                    " " + Path.of("").toAbsolutePath(),
                    "",
                    " Quick safety check: Is this a project you created or one you trust?",
                    ""),
                "Yes, I trust this folder",
                "No, exit",
                " Enter to confirm · Esc to cancel");
    journal.record("trust", yes ? "yes" : "no");
    if (yes) {
      tty.print("\u001b[2J\u001b[H");
    }
    return yes;
  }

  private Integer prompt() throws InterruptedException {
    return prompt(new PromptBox(tty, keys));
  }

  private Integer coveredPrompt(boolean keep, String note) throws InterruptedException {
    return prompt(
        new PromptBox(
            tty,
            keys,
            () -> {
              tty.print("\u001b[2J\u001b[H");
              if (!note.isEmpty()) {
                tty.println(note);
              }
              if (!askTrust()) {
                tty.print("\u001b[2J\u001b[H");
              }
              return keep;
            }));
  }

  private Integer prompt(PromptBox box) throws InterruptedException {
    String text = box.read();
    if (text == null) {
      journal.record("interrupted", "ctrl-c");
      return 130;
    }
    journal.record("prompt", text);
    return null;
  }

  private void busy(Duration duration, String label) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    int frame = 0;
    while (System.nanoTime() < end) {
      char glyph = SPINNER.charAt(frame++ % SPINNER.length());
      tty.print(
          "\r\u001b[2K" + glyph + " " + label + "… (" + elapsedSeconds() + "s · esc to interrupt)");
      Key key = keys.next(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      if (key != null && key.kind() == Key.Kind.ESCAPE) {
        tty.println("\r\u001b[2K  ⎿  Interrupted by user");
        journal.record("interrupted", label);
        return;
      }
    }
    tty.print("\r\u001b[2K");
  }

  private void permission(String text, Duration cursorAfter, int ignore)
      throws InterruptedException {
    boolean yes =
        new ChoiceDialog(tty, keys, cursorAfter, ignore)
            .ask(
                List.of("", " " + text, "", " Do you want to proceed?"),
                "Yes",
                "No",
                " Esc to cancel");
    journal.record("permission", yes ? "yes" : "no");
    tty.println(yes ? "  ⎿  Allowed" : "  ⎿  Denied by user");
  }

  private void timedPermission(String text) throws InterruptedException {
    long shown = micros();
    boolean yes =
        new ChoiceDialog(tty, keys)
            .ask(List.of("", " " + text, "", " Do you want to proceed?"), "Yes", "No", "");
    journal.record("timed-permission", shown + " " + micros());
    tty.println(yes ? "  ⎿  Allowed" : "  ⎿  Denied by user");
  }

  private static long micros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  private void signal(String json) throws IOException {
    String file = System.getenv("CAM_SIGNAL_FILE");
    if (file != null) {
      Files.writeString(
          Path.of(file),
          json + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    journal.record("signal", json);
  }

  private void write(String file, String text) throws IOException {
    Path path = Path.of(file).toAbsolutePath();
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Files.writeString(path, text, StandardCharsets.UTF_8);
    tty.println("⏺ Write(" + file + ")");
    tty.println("  ⎿  Wrote " + text.split("\n", -1).length + " lines to " + file);
    journal.record("write", file);
  }

  private void list() {
    tty.println("⏺ I can take one of these approaches:");
    tty.println("  1. Yes, rewrite the parser");
    tty.println("  2. No, keep the current parser");
    tty.println("  3. Something else");
  }

  private void lines(int count, String prefix) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      out.append(prefix).append(' ').append(i).append('\n');
    }
    tty.print(out.toString());
  }

  private void ticks(int count, Duration interval) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      Thread.sleep(interval.toMillis());
      tty.println("tick " + System.nanoTime());
    }
  }

  private long elapsedSeconds() {
    return (System.nanoTime() - started) / 1_000_000_000L;
  }
}
