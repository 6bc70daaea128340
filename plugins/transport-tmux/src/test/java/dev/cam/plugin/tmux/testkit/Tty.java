package dev.cam.plugin.tmux.testkit;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The fake agent's terminal: unbuffered keys without echo (like a TUI's raw mode, keeping output
 * processing so {@code \n} still starts a new line), bracketed paste on, both undone on exit.
 */
final class Tty {
  private static final String MODES = "-icanon -echo -isig -icrnl -ixon min 1 time 0";
  private final PrintStream out =
      new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
  private String saved;
  private boolean restored;

  /** Switches /dev/tty to raw keys; the terminal is restored at exit, also on System.exit. */
  static Tty raw() {
    Tty tty = new Tty();
    tty.saved = stty("-g").strip();
    stty(MODES.split(" "));
    tty.print("\u001b[?2004h");
    Runtime.getRuntime().addShutdownHook(new Thread(tty::restore, "fake-agent-tty"));
    return tty;
  }

  /** Writes and flushes at once, so a screen shows exactly what was printed. */
  void print(String text) {
    out.print(text);
    out.flush();
  }

  void println(String line) {
    print(line + "\n");
  }

  synchronized void restore() {
    if (restored) {
      return;
    }
    restored = true;
    print("\u001b[?2004l");
    stty(saved);
  }

  /** Columns of the terminal, 80 when it can't be told. */
  static int columns() {
    try {
      String[] size = stty("size").strip().split(" ");
      return Integer.parseInt(size[1]);
    } catch (RuntimeException e) {
      return 80;
    }
  }

  private static String stty(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(new File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("stty failed: run the fake agent inside a terminal (tmux)");
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("stty failed: run the fake agent inside tmux", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
