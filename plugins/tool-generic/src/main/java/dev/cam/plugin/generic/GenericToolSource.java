package dev.cam.plugin.generic;

import dev.cam.api.ConfigException;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.api.ToolSource;
import dev.cam.plugin.generic.internal.BrokenTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Offers every {@code <configDir>/tools/<id>.toml} whose id no adapter plugin claims as a tool of
 * its own: a new CLI with no Java. Files for claimed ids are overrides, read by those adapters.
 */
@Extension
public class GenericToolSource implements ToolSource {
  private final Path toolsDir;
  private final Supplier<Set<String>> claimed;
  private final RulesLoader loader = new RulesLoader();

  public GenericToolSource(PlatformContext context) {
    this(
        context.configDir().resolve("tools"),
        () ->
            context.extensions(ToolAdapter.class).stream()
                .map(ToolAdapter::id)
                .collect(Collectors.toSet()));
  }

  /** For tests: the folder of rules files and the ids adapter plugins already offer. */
  public GenericToolSource(Path toolsDir, Supplier<Set<String>> claimed) {
    this.toolsDir = toolsDir;
    this.claimed = claimed;
  }

  @Override
  public String id() {
    return "generic";
  }

  @Override
  public List<ToolAdapter> tools() {
    if (!Files.isDirectory(toolsDir)) {
      return List.of();
    }
    Set<String> taken = claimed.get();
    List<ToolAdapter> tools = new ArrayList<>();
    for (Path file : files()) {
      String id = file.getFileName().toString().replaceFirst("\\.toml$", "");
      if (!taken.contains(id)) {
        tools.add(adapter(id, file));
      }
    }
    return tools;
  }

  private ToolAdapter adapter(String id, Path file) {
    try {
      return new RuleBasedToolAdapter(new RuleBook(loader, id, null, file));
    } catch (ConfigException e) {
      return new BrokenTool(id, file, e);
    }
  }

  private List<Path> files() {
    try (Stream<Path> list = Files.list(toolsDir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".toml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + toolsDir + ": check its permissions", e);
    }
  }
}
