package dev.cam.api;

import java.util.List;

/** An id prefix matched more than one thing; carries the candidates so the person can pick one. */
public class AmbiguousIdException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private final String prefix;
  private final List<String> candidates;

  public AmbiguousIdException(String kind, String prefix, List<String> candidates) {
    super(
        kind
            + " id prefix '"
            + prefix
            + "' is ambiguous: it matches "
            + String.join(", ", candidates)
            + "; give more characters");
    this.prefix = prefix;
    this.candidates = List.copyOf(candidates);
  }

  public String prefix() {
    return prefix;
  }

  public List<String> candidates() {
    return candidates;
  }
}
