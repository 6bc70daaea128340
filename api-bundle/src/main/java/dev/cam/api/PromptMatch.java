package dev.cam.api;

import java.util.List;

/**
 * A question the tool shows and waits on: a permission or trust prompt, a menu.
 *
 * @param kind {@code "permission"}, {@code "trust"}, {@code "api_key"} or an adapter's own kind
 * @param text the prompt as shown, for records and for people
 * @param answer the keys that answer it with "yes", in {@link Transport#sendKeys} names; empty when
 *     CAM must not answer it (a person has to)
 */
public record PromptMatch(String kind, String text, List<String> answer) {
  public PromptMatch {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("prompt kind is required");
    }
    text = text == null ? "" : text;
    answer = answer == null ? List.of() : List.copyOf(answer);
  }

  public boolean answerable() {
    return !answer.isEmpty();
  }
}
