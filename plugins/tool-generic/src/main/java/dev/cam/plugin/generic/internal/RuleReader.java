package dev.cam.plugin.generic.internal;

import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.CamException;
import dev.cam.api.Failure;
import dev.cam.plugin.generic.FailureRule;
import dev.cam.plugin.generic.LaunchRules;
import dev.cam.plugin.generic.Match;
import dev.cam.plugin.generic.PromptDelivery;
import dev.cam.plugin.generic.PromptRule;
import dev.cam.plugin.generic.ScreenRules;
import dev.cam.plugin.generic.StateRule;
import dev.cam.plugin.generic.ToolRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed rules file into {@link ToolRules}, checking every key. With {@code partial} a file
 * may leave out what another file supplies (an override of built-in rules); without it the rules
 * must be complete.
 */
public final class RuleReader {
  static final Pattern DEFAULT_CURSOR = Pattern.compile("^\\s*❯\\s", Pattern.MULTILINE);
  static final Pattern DEFAULT_OPTION = Pattern.compile("\\S");
  private static final Set<String> TOP =
      Set.of("tool", "launch", "screen", "state", "prompt", "failure", "probe", "replace");
  private static final Set<String> MATCH = Set.of("match", "none", "lines");

  private final boolean partial;
  private int lines;

  public RuleReader(boolean partial) {
    this.partial = partial;
  }

  public ToolRules read(Node root, String fallbackId) {
    root.table(TOP);
    Node tool =
        root.get("tool").missing()
            ? root.get("tool")
            : root.get("tool").table(Set.of("id", "name", "install", "version_args"));
    String id = tool.get("id").text(fallbackId);
    Node screen = root.get("screen");
    if (!screen.missing()) {
      screen.table(Set.of("lines", "busy_state", "ready", "busy", "completed"));
    }
    lines = screen.get("lines").integer(20, 0);
    Node probe = root.get("probe");
    if (!probe.missing()) {
      probe.table(Set.of("keys"));
    }
    root.get("replace").texts(List.of());
    return new ToolRules(
        id,
        tool.get("name").text(id),
        tool.get("install").text(null),
        tool.get("version_args").texts(List.of("--version")),
        launch(root.get("launch")),
        new ScreenRules(
            matches(screen.get("ready")),
            matches(screen.get("busy")),
            matches(screen.get("completed")),
            state(screen.get("busy_state"), AgentState.THINKING),
            states(root.get("state")),
            prompts(root.get("prompt")),
            failures(root.get("failure"))),
        probe.get("keys").texts(List.of()));
  }

  private LaunchRules launch(Node launch) {
    if (launch.missing()) {
      if (!partial) {
        throw launch.error("is required: a [launch] table with at least command = \"...\"");
      }
      return new LaunchRules(
          "", List.of(), PromptDelivery.TYPED, List.of(), java.util.Map.of(), Duration.ZERO);
    }
    launch.table(Set.of("command", "args", "prompt", "prompt_args", "env", "submit_pause_ms"));
    String command =
        partial ? launch.get("command").text("") : launch.get("command").requiredText();
    return new LaunchRules(
        command,
        launch.get("args").texts(List.of()),
        delivery(launch.get("prompt")),
        launch.get("prompt_args").texts(List.of("{prompt}")),
        launch.get("env").stringMap(),
        Duration.ofMillis(launch.get("submit_pause_ms").integer(0, 0)));
  }

  private static PromptDelivery delivery(Node node) {
    String text = node.text("typed");
    try {
      return PromptDelivery.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error("must be \"typed\" or \"argument\", not \"" + text + "\"");
    }
  }

  private List<Match> matches(Node list) {
    List<Match> out = new ArrayList<>();
    for (Node item : list.items()) {
      out.add(item.isText() ? new Match(List.of(item.pattern()), List.of(), lines) : match(item));
    }
    return out;
  }

  /** Reads {@code match}, {@code none} and {@code lines} from a rule table. */
  private Match match(Node rule) {
    List<Pattern> all = patterns(rule.get("match"));
    if (all.isEmpty()) {
      throw rule.get("match").error("is required: one regular expression or an array of them");
    }
    return new Match(all, patterns(rule.get("none")), rule.get("lines").integer(lines, 0));
  }

  private static List<Pattern> patterns(Node node) {
    if (node.missing()) {
      return List.of();
    }
    if (node.isText()) {
      return List.of(node.pattern());
    }
    return node.items().stream().map(Node::pattern).toList();
  }

  private List<StateRule> states(Node list) {
    List<StateRule> out = new ArrayList<>();
    for (Node item : list.items()) {
      item.table(union(MATCH, Set.of("state", "name", "enabled")));
      if (!item.get("enabled").bool(true)) {
        continue; // only removes a built-in rule of that name
      }
      out.add(new StateRule(state(item.get("state"), null), match(item)));
    }
    return out;
  }

  private List<PromptRule> prompts(Node list) {
    List<PromptRule> out = new ArrayList<>();
    for (Node item : list.items()) {
      item.table(
          union(
              MATCH,
              Set.of(
                  "name",
                  "enabled",
                  "kind",
                  "state",
                  "answer",
                  "select",
                  "cursor",
                  "option",
                  "settle_ms")));
      if (!item.get("enabled").bool(true)) {
        continue; // only removes a built-in rule of that name
      }
      Pattern select = item.get("select").pattern(null);
      List<String> answer = item.get("answer").texts(select == null ? List.of() : List.of("Enter"));
      out.add(
          new PromptRule(
              item.get("name").text(null),
              item.get("kind").requiredText(),
              state(item.get("state"), AgentState.WAITING_PERMISSION),
              match(item),
              answer,
              select,
              item.get("cursor").pattern(DEFAULT_CURSOR),
              item.get("option").pattern(DEFAULT_OPTION),
              Duration.ofMillis(item.get("settle_ms").integer(0, 0))));
    }
    return out;
  }

  private List<FailureRule> failures(Node list) {
    List<FailureRule> out = new ArrayList<>();
    for (Node item : list.items()) {
      item.table(union(MATCH, Set.of("name", "enabled", "reason", "hint", "status")));
      if (!item.get("enabled").bool(true)) {
        continue; // only removes a built-in rule of that name
      }
      Failure failure =
          new Failure(
              item.get("reason").requiredText(),
              item.get("hint").text(null),
              status(item.get("status")));
      out.add(new FailureRule(item.get("name").text(null), match(item), failure));
    }
    return out;
  }

  private static AgentStatus status(Node node) {
    String text = node.text("failed");
    if (text.equalsIgnoreCase("failed")) {
      return AgentStatus.FAILED;
    }
    if (text.equalsIgnoreCase("waiting")) {
      return AgentStatus.WAITING;
    }
    throw node.error("must be \"failed\" or \"waiting\", not \"" + text + "\"");
  }

  private static AgentState state(Node node, AgentState fallback) {
    if (node.missing() && fallback != null) {
      return fallback;
    }
    try {
      return AgentState.of(node.requiredText());
    } catch (CamException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
