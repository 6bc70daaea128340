package dev.cam.platform.log;

import java.nio.file.Path;
import java.util.Map;

/** A separate process appending log lines: {@code <logs-dir> <agent-id> <writer> <count>}. */
public final class LogWriterMain {
  private LogWriterMain() {}

  public static void main(String[] args) {
    JsonlAgentLogs logs = new JsonlAgentLogs(Path.of(args[0]));
    String writer = args[2];
    for (int i = 0; i < Integer.parseInt(args[3]); i++) {
      logs.append(
          args[1],
          "output",
          Map.of("w", writer, "i", i, "text", writer.repeat(1 + (i * 53) % 6000)));
    }
  }
}
