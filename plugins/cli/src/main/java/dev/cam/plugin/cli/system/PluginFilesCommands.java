package dev.cam.plugin.cli.system;

import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cam plugins install|remove}: copies plugin files into, or deletes them from, the user's
 * plugins directory ({@code <data>/plugins}). A running {@code cam serve} picks the change up at
 * once; other commands on their next start.
 */
public final class PluginFilesCommands {
  private PluginFilesCommands() {}

  static Path userDir(PlatformContext context) {
    return context.dataDir().resolve("plugins");
  }

  /** {@code cam plugins install FILE}. */
  @Command(
      name = "install",
      description = {
        "Install a plugin (.jar or .zip) into the user's plugins directory.",
        "JSON: {id, version, file}."
      })
  public static final class Install implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The plugin's .jar or .zip.")
    Path file;

    @Option(names = "--force", description = "Replace an installed plugin with the same id.")
    boolean force;

    public Install(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PluginManifest manifest = PluginManifest.read(file);
      bundled(manifest.id());
      for (Path other : installedWithId(context, manifest.id())) {
        if (!force) {
          throw new InvalidInputException(
              "plugin '"
                  + manifest.id()
                  + "' is installed already ("
                  + other
                  + "): add --force to replace it");
        }
        delete(other);
      }
      Path target = userDir(context).resolve(file.getFileName().toString());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + file + " to " + target + ": " + e, e);
      }
      Output output = new Output(spec);
      if (output.json()) {
        output.printJson(
            Json.object(
                "id", manifest.id(), "version", manifest.version(), "file", target.toString()));
      } else {
        output.println("installed " + manifest.id() + " " + manifest.version() + " as " + target);
      }
      return ExitCodes.OK;
    }

    private void bundled(String id) {
      context.plugins().list().stream()
          .filter(p -> p.id().equals(id) && !inUserDir(context, Path.of(p.source())))
          .findFirst()
          .ifPresent(
              p -> {
                throw new InvalidInputException(
                    "plugin '"
                        + id
                        + "' ships with CAM ("
                        + p.source()
                        + "): it cannot be replaced");
              });
    }
  }

  /** {@code cam plugins remove ID}. */
  @Command(
      name = "remove",
      aliases = "rm",
      description = {"Remove a plugin the user installed.", "JSON: {id, file}."})
  public static final class Remove implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The plugin's id.")
    String id;

    public Remove(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<Path> files = installedWithId(context, id);
      if (files.isEmpty()) {
        PluginInfo plugin =
            context.plugins().list().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("plugin", id, "'cam plugins' lists them"));
        throw new InvalidInputException(
            "plugin '"
                + id
                + "' ships with CAM ("
                + plugin.source()
                + "): turn it off with 'cam plugins disable "
                + id
                + "'");
      }
      files.forEach(PluginFilesCommands::delete);
      String source = files.get(0).toString();
      Output output = new Output(spec);
      if (output.json()) {
        output.printJson(Json.object("id", id, "file", source));
      } else {
        output.println("removed " + id + " (" + source + ")");
      }
      return ExitCodes.OK;
    }
  }

  static List<Path> installedWithId(PlatformContext context, String id) {
    Path dir = userDir(context);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> PluginManifest.idOf(f).filter(id::equals).isPresent())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": check its permissions", e);
    }
  }

  static boolean inUserDir(PlatformContext context, Path path) {
    return path.toAbsolutePath()
        .normalize()
        .startsWith(userDir(context).toAbsolutePath().normalize());
  }

  static void delete(Path path) {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": check its permissions", e);
    }
  }
}
