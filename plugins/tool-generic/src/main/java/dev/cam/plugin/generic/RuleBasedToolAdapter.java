package dev.cam.plugin.generic;

import dev.cam.api.Agent;
import dev.cam.api.Detection;
import dev.cam.api.DoctorCheck;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.generic.internal.CliVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ToolAdapter} driven by a {@link RuleBook}. Used as it is for tools described only by a
 * rules file, and extended by the adapter plugins, which add Java only where data can't say it.
 *
 * <p>Threading: {@link #read(Screen)} is pure and lock-free; the other methods may do I/O.
 */
public class RuleBasedToolAdapter implements ToolAdapter {
  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(10);
  private final RuleBook book;
  private final CliVersion version = new CliVersion(VERSION_TIMEOUT);

  public RuleBasedToolAdapter(RuleBook book) {
    this.book = book;
  }

  protected RuleBook book() {
    return book;
  }

  @Override
  public String id() {
    return book.id();
  }

  @Override
  public String displayName() {
    return book.rules().name();
  }

  /**
   * The command line from the rules; refuses to launch while the user's rules file is broken, so a
   * run never uses other rules than the ones the user wrote.
   */
  @Override
  public LaunchSpec launch(LaunchRequest request) {
    book.refresh();
    book.problem()
        .ifPresent(
            e -> {
              throw e;
            });
    LaunchRules launch = book.rules().launch();
    Agent agent = request.agent();
    List<String> command = new ArrayList<>();
    command.add(launch.command());
    launch.args().forEach(a -> command.add(fill(a, agent)));
    boolean onCommandLine = launch.delivery() == PromptDelivery.ARGUMENT;
    if (onCommandLine && !agent.prompt().isBlank()) {
      launch.promptArgs().forEach(a -> command.add(fill(a, agent)));
    }
    Map<String, String> env = new LinkedHashMap<>(launch.env());
    env.putAll(agent.options().env());
    return new LaunchSpec(command, env, onCommandLine);
  }

  private static String fill(String arg, Agent agent) {
    return arg.replace("{prompt}", agent.prompt()).replace("{cwd}", String.valueOf(agent.cwd()));
  }

  @Override
  public Detection read(Screen screen) {
    return book.reader().read(screen);
  }

  @Override
  public List<String> probeKeys() {
    return book.rules().probeKeys();
  }

  @Override
  public Duration submitPause() {
    return book.rules().launch().submitPause();
  }

  @Override
  public Optional<String> installedVersion() {
    List<String> command = new ArrayList<>();
    command.add(book.rules().launch().command());
    command.addAll(book.rules().versionArgs());
    return version.of(command);
  }

  @Override
  public List<DoctorCheck> doctor() {
    ToolRules rules = book.rules();
    Optional<String> installed = installedVersion();
    String install =
        rules.install() == null
            ? "install '" + rules.launch().command() + "' and put it on PATH"
            : rules.install();
    DoctorCheck cli =
        new DoctorCheck(
            rules.name(),
            installed.isPresent(),
            installed
                .map(v -> rules.launch().command() + " " + v)
                .orElse("'" + rules.launch().command() + "' not found"),
            installed.isPresent() ? null : install);
    DoctorCheck file =
        book.problem()
            .map(
                e ->
                    new DoctorCheck(
                        rules.name() + " rules", false, e.getMessage(), "fix " + book.userFile()))
            .orElse(new DoctorCheck(rules.name() + " rules", true, rulesDetail(), null));
    return List.of(cli, file);
  }

  private String rulesDetail() {
    return book.userFile() != null && java.nio.file.Files.isRegularFile(book.userFile())
        ? "built-in rules with " + book.userFile()
        : "built-in rules";
  }
}
