package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalTailTest {
  @TempDir Path dir;

  @Test
  void returnsOnlyCompleteLinesAppendedSinceTheLastCall() throws Exception {
    Path file = dir.resolve("a.jsonl");
    SignalTail tail = new SignalTail(file);
    assertEquals(List.of(), tail.next(), "no file yet");

    append(file, "{\"event\":\"busy\"}\n{\"event\":");
    assertEquals(List.of("{\"event\":\"busy\"}"), tail.next());

    append(file, "\"stop\"}\n");
    assertEquals(List.of("{\"event\":\"stop\"}"), tail.next(), "the half line, completed");
    assertEquals(List.of(), tail.next());
  }

  @Test
  void startsOverWhenTheFileIsReplacedBySmallerOne() throws Exception {
    Path file = dir.resolve("a.jsonl");
    SignalTail tail = new SignalTail(file);
    append(file, "{\"event\":\"busy\"}\n{\"event\":\"busy\"}\n");
    tail.next();

    Files.writeString(file, "{\"n\":1}\n", StandardCharsets.UTF_8);

    assertEquals(List.of("{\"n\":1}"), tail.next());
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
