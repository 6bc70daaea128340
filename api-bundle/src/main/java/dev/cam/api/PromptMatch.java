package dev.cam.api;

import java.time.Duration;
import java.util.List;

/**
 * A question the tool shows and waits on: a permission or trust prompt, a menu.
 *
 * @param kind {@code "permission"}, {@code "trust"}, {@code "api_key"} or an adapter's own kind
 * @param text the prompt as shown, for records and for people
 * @param answer the keys that answer it with "yes", in {@link Transport#sendKeys} names; empty when
 *     CAM must not answer it (a person has to)
 * @param settle how long the prompt must stay unchanged on screen before it is answered, for tools
 *     that ignore keys arriving right after a question appears; {@link Duration#ZERO} leaves it to
 *     CAM's own (short) settle time
 */
public record PromptMatch(String kind, String text, List<String> answer, Duration settle) {
  public PromptMatch {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("prompt kind is required");
    }
    text = text == null ? "" : text;
    answer = answer == null ? List.of() : List.copyOf(answer);
    settle = settle == null || settle.isNegative() ? Duration.ZERO : settle;
  }

  /** A prompt answered as soon as CAM's own settle time has passed. */
  public PromptMatch(String kind, String text, List<String> answer) {
    this(kind, text, answer, Duration.ZERO);
  }

  public boolean answerable() {
    return !answer.isEmpty();
  }
}
