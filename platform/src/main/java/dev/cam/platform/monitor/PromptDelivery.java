package dev.cam.platform.monitor;

import dev.cam.api.Screen;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a typed prompt reached the tool. A tool that finishes starting up late can cover its
 * input box with a dialog just as CAM types: the Enter then lands on the dialog, or the typed text
 * is swallowed. Until the tool is seen working, a ready screen that still shows the prompt in its
 * input box gets the Enter again, and one that shows the prompt nowhere after a dialog came up gets
 * the prompt again, a bounded number of times. Not thread-safe: owned by one monitor.
 */
final class PromptDelivery {
  /** How often the Enter is pressed again or the prompt typed again before CAM gives up. */
  static final int MAX_RETRIES = 2;

  /**
   * An input box sits this close to the bottom: its own line, then a status or hint line or two.
   */
  static final int BOX_LINES = 3;

  /** How many characters of the prompt's end identify it on screen. */
  static final int MARKER_LENGTH = 20;

  /** What an input box may draw after the text: spaces and its right border. */
  private static final Pattern BOX_BORDER = Pattern.compile("[\\s│┃|]+$");

  /** What to do with a ready screen while the prompt is not known to be delivered. */
  enum Next {
    /** Nothing: the prompt went through (or CAM gave up on it). */
    NONE,
    /** The prompt is still in the input box: press Enter again. */
    ENTER,
    /** The prompt was lost while a dialog covered the box: type it again. */
    RETYPE,
    /** The prompt is still not through after the last retry. */
    GIVE_UP
  }

  private final String marker;
  private boolean pending;
  private int retries;

  /**
   * @param prompt the prompt CAM types
   * @param delivered whether it was delivered already (an adopted agent), or needs no typing
   */
  PromptDelivery(String prompt, boolean delivered) {
    this.marker = marker(prompt);
    this.pending = !delivered;
  }

  /** The tool was seen working on it: nothing more to check. */
  void confirmed() {
    pending = false;
  }

  /** Whether the prompt was typed but the tool was not seen taking it yet. */
  boolean pending() {
    return pending;
  }

  /** The retries made so far. */
  int retries() {
    return retries;
  }

  /**
   * What a ready, still screen says about the prompt: the retry to make, if any.
   *
   * @param dialogSince whether a dialog was shown since the prompt was last submitted
   */
  Next next(Screen screen, boolean dialogSince) {
    if (!pending) {
      return Next.NONE;
    }
    Next next = decide(screen, dialogSince);
    if (next == Next.NONE) {
      pending = false;
    } else if (retries >= MAX_RETRIES) {
      pending = false;
      return Next.GIVE_UP;
    } else {
      retries++;
    }
    return next;
  }

  private Next decide(Screen screen, boolean dialogSince) {
    if (marker.isEmpty()) {
      return Next.NONE;
    }
    List<String> lines = screen.lines();
    int seen = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (seen < BOX_LINES && endsWithMarker(line)) {
        return Next.ENTER;
      }
      if (line.contains(marker)) {
        return Next.NONE;
      }
      seen++;
    }
    // Shown nowhere: lost to a dialog, wrapped across two rows, or shown in the tool's own way.
    boolean wrapped =
        lines.stream().map(String::stripTrailing).collect(Collectors.joining()).contains(marker);
    return dialogSince && !wrapped ? Next.RETYPE : Next.NONE;
  }

  /** Whether the line ends with the prompt, but for an input box's right border. */
  private boolean endsWithMarker(String line) {
    return BOX_BORDER.matcher(line).replaceFirst("").endsWith(marker);
  }

  /** The end of the prompt's last non-blank line, which an input box shows last. */
  static String marker(String prompt) {
    String[] lines = prompt.strip().split("\r?\n");
    String last = lines[lines.length - 1].strip();
    return last.length() <= MARKER_LENGTH ? last : last.substring(last.length() - MARKER_LENGTH);
  }
}
