package dev.cam.platform.config;

import dev.cam.api.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 30} (seconds), {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}, {@code 1d}, and combinations such as {@code 1h30m}.
 */
public final class Durations {
  /** What the error messages offer as allowed forms. */
  public static final String ALLOWED =
      "a number of seconds or a number with a unit ms, s, m, h or d, e.g. 30, 500ms, 30s, 5m, 2h,"
          + " 1d, 1h30m";

  private static final Pattern PART = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("((\\d{1,12})(ms|s|m|h|d))+");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws InvalidInputException saying what is allowed when the text is not a duration
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.matches("\\d{1,12}")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    if (!WHOLE.matcher(t).matches()) {
      throw new InvalidInputException("'" + text + "' is not a duration: use " + ALLOWED);
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      total = total.plus(unit(Long.parseLong(m.group(1)), m.group(2)));
    }
    return total;
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** The shortest text {@link #parse} reads back as the same duration, e.g. {@code 1h30m}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long ms = duration.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms >= sizes[i]) {
        out.append(ms / sizes[i]).append(units[i]);
        ms %= sizes[i];
      }
    }
    return out.toString();
  }
}
