package dev.cam.plugin.cli;

import dev.cam.api.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as people read and write them: "3m ago", "1h02m", "30m", "2026-11-01". */
public final class Times {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhdw]?)");

  private Times() {}

  /** "just now", "45s ago", "3m ago", "2h ago", "5d ago"; "-" for null. */
  public static String ago(Instant at, Instant now) {
    if (at == null) {
      return "-";
    }
    long s = Math.max(0, Duration.between(at, now).toSeconds());
    if (s < 5) {
      return "just now";
    }
    return compact(s) + " ago";
  }

  private static String compact(long s) {
    if (s < 60) {
      return s + "s";
    }
    if (s < 3_600) {
      return s / 60 + "m";
    }
    return s < 86_400 ? s / 3_600 + "h" : s / 86_400 + "d";
  }

  /** "12s", "3m20s", "1h02m", "2d03h"; "-" for null. */
  public static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3_600) {
      return String.format("%dm%02ds", s / 60, s % 60);
    }
    if (s < 86_400) {
      return String.format("%dh%02dm", s / 3_600, s % 3_600 / 60);
    }
    return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3_600);
  }

  /** Parses {@code 90}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 2w}. */
  public static Duration parseDuration(String what, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new InvalidInputException(
          what + " '" + text + "' is not a duration: use e.g. 90, 30s, 5m, 2h, 1d or 2w");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** {@code 30m}-style text for a duration as CAM writes it; null for null. */
  public static String format(Duration d) {
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

  /**
   * A point in time given as an age ({@code 7d}: that long before {@code now}), a date ({@code
   * 2026-11-01}, midnight in the local zone) or an instant ({@code 2026-11-01T10:00:00Z}).
   */
  public static Instant parseInstant(String what, String text, Instant now, ZoneId zone) {
    String t = text == null ? "" : text.trim();
    if (DURATION.matcher(t).matches()) {
      return now.minus(parseDuration(what, t));
    }
    try {
      return t.length() == 10
          ? LocalDate.parse(t).atStartOfDay(zone).toInstant()
          : Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          what
              + " '"
              + text
              + "' is neither an age nor a date: use e.g. 7d, 12h, 2026-11-01 or"
              + " 2026-11-01T10:00:00Z",
          e);
    }
  }
}
