package dev.cam.platform.plugin;

/** Turns a failure into the one line shown next to a FAILED plugin. */
final class Reasons {
  private Reasons() {}

  /**
   * The failure's own message followed by its innermost cause, unless the message already says it;
   * class names stand in for missing messages.
   */
  static String of(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String rootText = describe(root);
    String text = failure.getMessage();
    if (root == failure || text == null || text.isBlank()) {
      text = rootText;
    } else if (!text.contains(String.valueOf(root.getMessage()))) {
      text = text + ": " + rootText;
    }
    return text.replace('\n', ' ').strip();
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }
}
