package dev.cam.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UntypedJsonTest {
  private static Object toml(String text) throws IOException {
    try (JsonParser parser = new TomlFactory().createParser(text)) {
      parser.nextToken();
      return UntypedJson.value(parser, true);
    }
  }

  @Test
  void jsonIntegersTakeTheSmallestTypeThatHoldsThem() {
    Map<String, Object> line =
        UntypedJson.object("{\"i\":1,\"l\":9223372036854775807,\"b\":9223372036854775808}")
            .orElseThrow();
    assertEquals(1, line.get("i"));
    assertEquals(Long.MAX_VALUE, line.get("l"));
    assertEquals(new BigInteger("9223372036854775808"), line.get("b"));
  }

  @Test
  void aLineThatIsNotOneWholeObjectReadsAsNothing() {
    assertTrue(UntypedJson.object("{\"a\":1}{").isEmpty());
    assertTrue(UntypedJson.object("[1]").isEmpty());
    assertTrue(UntypedJson.object("{\"a\":").isEmpty());
    assertEquals(Map.of(), UntypedJson.object("{}").orElseThrow());
    assertEquals(
        Arrays.asList(null, true, 1.5, "x"),
        UntypedJson.object("{\"a\":[null,true,1.5,\"x\"]}").orElseThrow().get("a"));
  }

  @Test
  void tomlIntegersAreLongsAndOneOutOfRangeIsAParseError() throws IOException {
    assertEquals(
        Map.of("t", Map.of("n", 5L, "list", List.of(1L, 2.5, "d"))),
        toml("[t]\nn = 5\nlist = [1, 2.5, \"d\"]\n"));
    assertEquals(Map.of("d", "1979-05-27"), toml("d = 1979-05-27\n"));
    assertThrows(JsonProcessingException.class, () -> toml("n = 99999999999999999999\n"));
    // 19 digits: the TOML parser of Jackson 2.18 dropped the first digits without an error
    assertEquals(
        Map.of("max", Long.MAX_VALUE, "min", Long.MIN_VALUE, "n", 1234567890123456789L),
        toml("max = 9223372036854775807\nmin = -9223372036854775808\nn = 1234567890123456789\n"));
  }
}
