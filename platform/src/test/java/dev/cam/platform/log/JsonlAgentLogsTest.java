package dev.cam.platform.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlAgentLogsTest {
  @TempDir Path tmp;

  @Test
  void linesCarryTimeAgentTypeAndFields() throws Exception {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp.resolve("logs"));
    logs.append("a1", "status_change", Map.of("to", "running"));
    Path file = tmp.resolve("logs/a1.jsonl");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Map<String, Object> line = logs.read("a1", 0).get(0);
    assertEquals(List.of("ts", "agent_id", "type", "to"), List.copyOf(line.keySet()));
    assertEquals("a1", line.get("agent_id"));
    assertEquals("running", line.get("to"));
    assertTrue(Files.readString(file).endsWith("}\n"));
  }

  @Test
  void linesReadBackAsAnObjectMapperReadsUntypedJson() throws Exception {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp.resolve("logs"));
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("count", 3);
    fields.put("big", 12345678901L);
    fields.put("ratio", 0.5);
    fields.put("ok", true);
    fields.put("none", null);
    fields.put("keys", List.of("a", List.of(1, 2), Map.of("x", "y")));
    fields.put("screen", Map.of("lines", List.of("\u001b[1mbold\"quoted\"", "é ✓")));
    logs.append("a1", "detail", fields);
    String written = Files.readString(tmp.resolve("logs/a1.jsonl")).strip();
    Map<String, Object> expected =
        new ObjectMapper()
            .readValue(written, new com.fasterxml.jackson.core.type.TypeReference<>() {});
    assertEquals(expected, logs.read("a1", 0).get(0));
  }

  @Test
  void tailReadsTheLastLinesOfABigLog() {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp);
    for (int i = 0; i < 5000; i++) {
      logs.append("big", "output", Map.of("i", i, "text", "x".repeat(i % 200)));
    }
    List<Map<String, Object>> last = logs.read("big", 3);
    assertEquals(List.of(4997, 4998, 4999), last.stream().map(l -> l.get("i")).toList());
    assertEquals(5000, logs.read("big", 0).size());
    assertEquals(5000, logs.read("big", 10_000).size());
    assertEquals(1, logs.read("big", 1).size());
  }

  @Test
  void aTornLastLineIsIgnored() throws Exception {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp);
    logs.append("a1", "output", Map.of("n", 1));
    logs.append("a1", "output", Map.of("n", 2));
    Files.writeString(tmp.resolve("a1.jsonl"), "{\"ts\":\"2026", StandardOpenOption.APPEND);
    assertEquals(List.of(1, 2), logs.read("a1", 0).stream().map(l -> l.get("n")).toList());
    assertEquals(List.of(2), logs.read("a1", 1).stream().map(l -> l.get("n")).toList());
  }

  @Test
  void missingLogReadsEmptyAndUnsafeIdsAreRefused() {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp);
    assertEquals(List.of(), logs.read("nothing", 5));
    assertThrows(InvalidInputException.class, () -> logs.append("../x", "t", Map.of()));
    assertThrows(InvalidInputException.class, () -> logs.read(".hidden", 0));
  }

  @Test
  void concurrentAppendsLeaveOnlyWholeLines() throws Exception {
    JsonlAgentLogs logs = new JsonlAgentLogs(tmp);
    int threads = 8;
    int each = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    logs.append(
                        "shared",
                        "output",
                        Map.of(
                            "t",
                            thread,
                            "i",
                            i,
                            "text",
                            String.valueOf((char) ('a' + thread)).repeat(1 + (i * 37) % 9000)));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = Files.readAllLines(tmp.resolve("shared.jsonl"), StandardCharsets.UTF_8);
    assertEquals(threads * each, lines.size());
    for (String line : lines) {
      Map<?, ?> parsed = mapper.readValue(line, Map.class);
      String text = (String) parsed.get("text");
      char expected = (char) ('a' + (Integer) parsed.get("t"));
      assertTrue(text.chars().allMatch(c -> c == expected), "a line mixes two writers");
    }
  }
}
