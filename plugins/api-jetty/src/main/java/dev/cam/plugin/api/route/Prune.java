package dev.cam.plugin.api.route;

import dev.cam.api.Agent;
import dev.cam.api.AgentPrune;
import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /api/agents/prune}: deletes ended agents and their logs, as {@code cam prune} does.
 * Active agents are never pruned.
 */
final class Prune {
  private final PlatformContext context;
  private final Supplier<Instant> clock;

  Prune(PlatformContext context, Supplier<Instant> clock) {
    this.context = context;
    this.clock = clock;
  }

  Reply handle(Exchange ex) {
    Body body = ex.body(Body.class);
    Instant cutoff = cutoff(body.before());
    boolean dryRun = Boolean.TRUE.equals(body.dryRun());
    List<Agent> doomed =
        AgentPrune.of(body.status(), cutoff).apply(context.agents(), context.logs(), dryRun);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("pruned", doomed.stream().map(Agent::id).toList());
    answer.put("agents", doomed.stream().map(AgentView::of).toList());
    answer.put("dry_run", dryRun);
    return Reply.ok(answer);
  }

  /** An age ({@code 7d}), a date ({@code 2026-11-01}, UTC) or an instant, else a 400. */
  private Instant cutoff(String before) {
    if (before == null || before.isBlank()) {
      return null;
    }
    String t = before.trim();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (t.contains("T")) {
        return Instant.parse(t);
      }
    } catch (DateTimeParseException e) {
      throw notTime(t);
    }
    try {
      return clock.get().minus(DurationText.parse("before", t));
    } catch (InvalidInputException e) {
      throw notTime(t);
    }
  }

  private static InvalidInputException notTime(String text) {
    return new InvalidInputException(
        "before '"
            + text
            + "' is not an age or a time: use e.g. 7d, 12h, 2026-11-01 or 2026-11-01T12:00:00Z");
  }

  /**
   * The request body.
   *
   * @param status ended statuses to prune; unset or empty: all ended ones
   * @param before only agents that ended before this: an age, a date or an instant
   * @param dryRun only say what would be deleted
   */
  record Body(List<String> status, String before, Boolean dryRun) {}
}
