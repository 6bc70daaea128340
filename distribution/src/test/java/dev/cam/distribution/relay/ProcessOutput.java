package dev.cam.distribution.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines a process prints, read on a daemon thread, with a wait for a pattern. */
final class ProcessOutput {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Process process;

  ProcessOutput(Process process, String name) {
    this.process = process;
    Thread reader = new Thread(this::read, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output ended: " + e + ")");
    }
  }

  /** The first group of the first line matching {@code pattern}, waiting up to {@code limit}. */
  String await(Pattern pattern, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    boolean ended = false;
    while (true) {
      for (String line : lines) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      if (ended || System.nanoTime() > deadline) {
        throw new AssertionError("no line matching " + pattern + " within " + limit + ": " + lines);
      }
      ended = !process.isAlive(); // one more look: its last lines may still be on their way
      Thread.sleep(20);
    }
  }

  String text() {
    return String.join("\n", lines);
  }
}
