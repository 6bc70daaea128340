package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  @Test
  void readsWhatJsonWrites() {
    Map<String, Object> value =
        Json.object(
            "text",
            "a \"quoted\"\n\ttab \\ é \u0001",
            "number",
            42L,
            "fraction",
            1.5,
            "flags",
            List.of(true, false),
            "nothing",
            null,
            "nested",
            Json.object("empty", List.of(), "none", Map.of()));

    assertEquals(value, JsonReader.parse(Json.write(value)));
  }

  @Test
  void keepsTheOrderOfMembers() {
    Object parsed = JsonReader.parse(" { \"b\" : 1 , \"a\" : [ 1 , 2 ] } ");

    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) parsed).keySet()));
    assertEquals(Arrays.asList(1L, 2L), ((Map<?, ?>) parsed).get("a"));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String bad : List.of("", "{", "{a:1}", "[1,]", "nul", "\"open", "1 2", "<html>")) {
      assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
    }
  }
}
