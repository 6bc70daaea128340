package dev.cam.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built-in defaults are what docs/configuration.md's table of keys says they are. */
class ConfigDefaultsTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z_.]+)` \\| [^|]+ \\| `([^`]*)` \\|");

  @Test
  void everyDefaultIsTheDocumentedOne() throws Exception {
    Path docs = Path.of("..", "docs", "configuration.md");
    Map<String, String> documented = new HashMap<>();
    for (String line : Files.readAllLines(docs)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        documented.put(row.group(1), row.group(2));
      }
    }
    Map<String, Setting> defaults = ConfigDefaults.settings();
    assertTrue(defaults.size() >= 29, "defaults for every section");
    for (Setting setting : defaults.values()) {
      String doc = documented.get(setting.key());
      assertTrue(doc != null, setting.key() + " has a default but no row in " + docs);
      String text =
          setting.value() instanceof List<?> list && list.isEmpty() ? "[]" : setting.text();
      assertEquals(doc, text, "default of " + setting.key());
      assertEquals("default", setting.source());
    }
  }
}
