package dev.cam.plugin.cli;

import dev.cam.api.CamException;
import dev.cam.api.Config;
import dev.cam.api.NotFoundException;
import dev.cam.api.PlatformContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam config show|get|set|reset}: the effective configuration and the user's file. */
@Command(
    name = "config",
    description = "Show or change the configuration.",
    subcommands = {
      ConfigCommand.Show.class,
      ConfigCommand.Get.class,
      ConfigCommand.Set.class,
      ConfigCommand.Reset.class
    })
final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  static Map<String, Object> entry(Config config, String key, String value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", key);
    json.put("value", value);
    json.put("source", config.source(key));
    return json;
  }

  /** {@code cam config show}. */
  @Command(name = "show", description = "Print every effective key, its value and its source.")
  static final class Show implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    Show(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Output output = new Output(spec);
      Config config = context.config();
      Map<String, String> effective = config.effective();
      if (output.json()) {
        List<Object> entries =
            effective.entrySet().stream()
                .map(e -> (Object) entry(config, e.getKey(), e.getValue()))
                .toList();
        output.printJson(Json.object("config", entries));
      } else {
        List<List<String>> rows =
            effective.entrySet().stream()
                .map(e -> List.of(e.getKey(), e.getValue(), config.source(e.getKey())))
                .toList();
        output.printTable(List.of("KEY", "VALUE", "SOURCE"), rows);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code cam config get KEY}. */
  @Command(name = "get", description = "Print the effective value of one key.")
  static final class Get implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "A dotted key, e.g. server.port.")
    String key;

    Get(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Output output = new Output(spec);
      Config config = context.config();
      String value =
          config
              .get(key)
              .or(() -> tokenFile(context, key))
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "config key", key, "'cam config show' lists the keys that have a value"));
      if (output.json()) {
        output.printJson(entry(config, key, value));
      } else {
        output.println(value);
      }
      return ExitCodes.OK;
    }
  }

  /**
   * The API token lives in {@code <configDir>/server.token} unless configured; {@code cam config
   * get server.token} shows it either way, so a person can pair a client.
   */
  static Optional<String> tokenFile(PlatformContext context, String key) {
    Path file = context.configDir().resolve("server.token");
    if (!key.equals("server.token") || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file).strip());
    } catch (IOException e) {
      throw new CamException(
          "cannot read " + file + ": " + e.getMessage() + " (check its permissions)", e);
    }
  }

  /** {@code cam config set KEY VALUE}. */
  @Command(name = "set", description = "Write a key into the user config file.")
  static final class Set implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "A dotted key, e.g. server.port.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value to write.")
    String value;

    Set(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Path file = context.setUserConfig(key, value);
      Output output = new Output(spec);
      if (output.json()) {
        output.printJson(Json.object("key", key, "value", value, "file", file.toString()));
      } else {
        output.println(key + " = " + value + "  (" + file + ")");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code cam config reset KEY}. */
  @Command(name = "reset", description = "Remove a key from the user config file.")
  static final class Reset implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "KEY", description = "A dotted key, e.g. server.port.")
    String key;

    Reset(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Path file = context.resetUserConfig(key);
      Output output = new Output(spec);
      if (output.json()) {
        output.printJson(Json.object("key", key, "file", file.toString()));
      } else {
        output.println(key + " reset  (" + file + ")");
      }
      return ExitCodes.OK;
    }
  }
}
