package dev.cam.platform.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes appending to one agent's log. */
class LogProcessesIT {
  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void processesAppendingTogetherLeaveOnlyWholeLines() throws Exception {
    int each = 200;
    for (String writer : List.of("a", "b", "c")) {
      started.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  LogWriterMain.class.getName(),
                  tmp.toString(),
                  "shared",
                  writer,
                  String.valueOf(each))
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve(writer + ".out").toFile())
              .start());
    }
    for (Process p : started) {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue());
    }
    List<Map<String, Object>> lines = new JsonlAgentLogs(tmp).read("shared", 0);
    assertEquals(3 * each, lines.size(), "every line parses as a whole JSON object");
    for (Map<String, Object> line : lines) {
      String writer = (String) line.get("w");
      assertTrue(((String) line.get("text")).replace(writer, "").isEmpty());
    }
  }
}
