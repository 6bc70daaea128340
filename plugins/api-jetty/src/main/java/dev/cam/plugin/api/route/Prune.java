package dev.cam.plugin.api.route;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /api/agents/prune}: deletes ended agents and their logs, as {@code cam prune} does.
 * Active agents are never pruned.
 */
final class Prune {
  private static final Set<AgentStatus> ENDED =
      Stream.of(AgentStatus.values())
          .filter(AgentStatus::isTerminal)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(AgentStatus.class)));

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
        context.agents().list(new AgentQuery(statuses(body.status()), null, null, 0, 0)).stream()
            .filter(a -> cutoff == null || endOf(a).isBefore(cutoff))
            .toList();
    if (!dryRun) {
      for (Agent a : doomed) {
        context.agents().delete(a.id());
        context.logs().delete(a.id());
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("pruned", doomed.stream().map(Agent::id).toList());
    answer.put("agents", doomed.stream().map(AgentView::of).toList());
    answer.put("dry_run", dryRun);
    return Reply.ok(answer);
  }

  private static Set<AgentStatus> statuses(List<String> given) {
    if (given == null || given.isEmpty()) {
      return ENDED;
    }
    Set<AgentStatus> wanted = EnumSet.noneOf(AgentStatus.class);
    for (String s : given) {
      AgentStatus status = AgentStatus.parse(s);
      if (!status.isTerminal()) {
        throw new InvalidInputException(
            "cannot prune " + status.wireName() + " agents: stop or kill them first");
      }
      wanted.add(status);
    }
    return wanted;
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

  private static Instant endOf(Agent a) {
    return a.finishedAt() == null ? a.createdAt() : a.finishedAt();
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
