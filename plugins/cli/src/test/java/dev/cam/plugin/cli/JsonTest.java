package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesNestedValuesInTheOrderGiven() {
    Object value = Json.object("b", 1, "a", List.of(true, "x"), "n", null);

    assertEquals("{\"b\":1,\"a\":[true,\"x\"],\"n\":null}", Json.write(value));
  }

  @Test
  void escapesWhatJsonRequires() {
    assertEquals("\"q\\\"b\\\\n\\nt\\tc\\u0001\"", Json.write("q\"b\\n\nt\tc\u0001"));
  }

  @Test
  void tablePadsColumnsAndShowsMissingValuesAsDash() {
    String table =
        Table.format(
            List.of("ID", "STATE"),
            List.of(Arrays.asList("cli", "STARTED"), Arrays.asList("x", null)));

    assertEquals("ID   STATE\ncli  STARTED\nx    -\n", table);
  }
}
