package dev.cam.plugin.api.route;

import dev.cam.api.InvalidInputException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as CAM writes them: {@code 30} (seconds), {@code 30s}, {@code 5m}, {@code 2h}, {@code
 * 1d}.
 */
final class DurationText {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

  private DurationText() {}

  static Duration parse(String member, String text) {
    if (text == null) {
      return null;
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidInputException(
          member + " '" + text + "' is not a duration: use e.g. 90, 30s, 5m, 2h or 1d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  static String format(Duration d) {
    if (d == null) {
      return null;
    }
    long s = d.toSeconds();
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    return s % 60 == 0 ? s / 60 + "m" : s + "s";
  }
}
