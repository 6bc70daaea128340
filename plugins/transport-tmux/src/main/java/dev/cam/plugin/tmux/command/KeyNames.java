package dev.cam.plugin.tmux.command;

import dev.cam.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns CAM's key names into tmux {@code send-keys} commands. tmux types an unknown key name as
 * text, so names are checked here; single characters go as bytes ({@code -H}) so neither the locale
 * nor tmux's own parsing can change them.
 */
public final class KeyNames {
  private static final Map<String, String> NAMED = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    for (String name :
        List.of(
            "Enter",
            "Escape",
            "Tab",
            "BTab",
            "BSpace",
            "Space",
            "Up",
            "Down",
            "Left",
            "Right",
            "Home",
            "End",
            "PageUp",
            "PageDown",
            "PPage",
            "NPage",
            "DC",
            "IC")) {
      NAMED.put(name, name);
    }
    for (int i = 1; i <= 12; i++) {
      NAMED.put("F" + i, "F" + i);
    }
    NAMED.put("Esc", "Escape");
    NAMED.put("Return", "Enter");
    NAMED.put("Backspace", "BSpace");
    NAMED.put("Delete", "DC");
  }

  private KeyNames() {}

  /** One {@code send-keys} command per key, in order. */
  public static List<List<String>> commands(String target, List<String> keys) {
    List<List<String>> commands = new ArrayList<>();
    for (String key : keys) {
      commands.add(command(target, key));
    }
    return commands;
  }

  private static List<String> command(String target, String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidInputException("empty key name: " + usage());
    }
    if (key.codePointCount(0, key.length()) == 1) {
      List<String> command = new ArrayList<>(List.of("send-keys", "-t", target, "-H"));
      command.addAll(hex(key.getBytes(StandardCharsets.UTF_8)));
      return command;
    }
    return List.of("send-keys", "-t", target, canonical(key));
  }

  /** {@code Enter}, {@code C-c}, {@code M-Up}: a known name with optional modifiers. */
  static String canonical(String key) {
    String rest = key;
    StringBuilder modifiers = new StringBuilder();
    while (rest.length() > 2
        && rest.charAt(1) == '-'
        && "CMS".indexOf(upper(rest.charAt(0))) >= 0) {
      modifiers.append(upper(rest.charAt(0))).append('-');
      rest = rest.substring(2);
    }
    if (modifiers.length() > 0 && rest.codePointCount(0, rest.length()) == 1) {
      return modifiers + rest;
    }
    String name = NAMED.get(rest);
    if (name == null) {
      throw new InvalidInputException("unknown key '" + key + "': " + usage());
    }
    return modifiers + name;
  }

  /** Bytes as the two-digit hex words {@code send-keys -H} takes. */
  public static List<String> hex(byte[] bytes) {
    List<String> words = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      words.add(String.format(Locale.ROOT, "%02x", b & 0xff));
    }
    return words;
  }

  private static char upper(char c) {
    return Character.toUpperCase(c);
  }

  private static String usage() {
    return "use Enter, Escape, Tab, BSpace, Up, Down, Left, Right, C-<char> or a single character";
  }
}
