package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import java.time.Instant;
import java.util.List;

/** Agents as table rows for people: short id, name, tool, coloured status, age, prompt. */
final class AgentTable {
  static final List<String> HEADERS =
      List.of("ID", "NAME", "TOOL", "STATUS", "STATE", "CONTEXT", "CREATED", "PROMPT");
  private static final int PROMPT_WIDTH = 40;

  private AgentTable() {}

  static List<List<String>> rows(List<Agent> agents, Style style, Instant now) {
    return agents.stream().map(a -> row(a, style, now)).toList();
  }

  static List<String> row(Agent a, Style style, Instant now) {
    return java.util.Arrays.asList(
        a.shortId(),
        a.name(),
        a.tool(),
        style.status(a.status()),
        a.state().name(),
        a.context() == null ? a.machine().label() : a.context(),
        Times.ago(a.createdAt(), now),
        shorten(a.prompt(), PROMPT_WIDTH));
  }

  /** One line of at most {@code width} characters, with "…" when cut. */
  static String shorten(String text, int width) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() <= width ? line : line.substring(0, width - 1) + "…";
  }
}
