package dev.cam.plugin.cli.system;

import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.api.ToolSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every tool adapter the plugins offer: {@link ToolAdapter} extensions first, then those of each
 * {@link ToolSource} whose id no extension claims (the extension wins a clash).
 */
public final class Tools {
  /**
   * An adapter and where it comes from.
   *
   * @param adapter the adapter
   * @param source {@code "plugin"} or the id of the tool source, e.g. {@code "generic"}
   */
  public record Offered(ToolAdapter adapter, String source) {}

  private Tools() {}

  public static List<Offered> all(PlatformContext context) {
    Map<String, Offered> byId = new LinkedHashMap<>();
    for (ToolAdapter adapter : context.extensions(ToolAdapter.class)) {
      byId.putIfAbsent(adapter.id(), new Offered(adapter, "plugin"));
    }
    for (ToolSource source : context.extensions(ToolSource.class)) {
      for (ToolAdapter adapter : source.tools()) {
        byId.putIfAbsent(adapter.id(), new Offered(adapter, source.id()));
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** The adapter with that id; the error lists the ones there are. */
  public static ToolAdapter find(PlatformContext context, String id) {
    List<Offered> all = all(context);
    return all.stream()
        .map(Offered::adapter)
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown tool '"
                        + id
                        + "': use one of "
                        + (all.isEmpty()
                            ? "(none installed)"
                            : all.stream()
                                .map(o -> o.adapter().id())
                                .sorted()
                                .collect(Collectors.joining(", ")))
                        + ", or add a plugin or a rules file in <config>/tools/"));
  }
}
