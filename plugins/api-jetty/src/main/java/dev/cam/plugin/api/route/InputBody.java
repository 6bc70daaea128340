package dev.cam.plugin.api.route;

import dev.cam.api.InvalidInputException;
import java.util.List;

/**
 * Body of {@code POST /api/agents/{id}/input}: text (typed, then Enter unless {@code enter} is
 * false) or keys, not both.
 *
 * @param text text to type
 * @param enter press Enter after the text (default true)
 * @param keys key names such as {@code Enter}, {@code C-c}, {@code Up}
 */
record InputBody(String text, Boolean enter, List<String> keys) {
  InputBody {
    if ((text == null) == (keys == null)) {
      throw new InvalidInputException(
          "send either {\"text\": \"...\", \"enter\": true} or {\"keys\": [\"Enter\"]}");
    }
    if (keys != null && (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isBlank()))) {
      throw new InvalidInputException("keys must be a non-empty list of key names, e.g. [\"C-c\"]");
    }
    keys = keys == null ? null : List.copyOf(keys);
  }
}
