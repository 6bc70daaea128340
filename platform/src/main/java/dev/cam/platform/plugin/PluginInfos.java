package dev.cam.platform.plugin;

import dev.cam.api.PluginInfo;
import dev.cam.api.PluginState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.PluginWrapper;

/** Maps PF4J's view of a plugin to the {@link PluginInfo} that {@code cam plugins} shows. */
final class PluginInfos {
  static final String DISABLED_REASON = "listed in disabled.txt or plugins.disabled";

  private PluginInfos() {}

  static PluginInfo of(PluginWrapper wrapper) {
    PluginState state = state(wrapper.getPluginState());
    Throwable failure = wrapper.getFailedException();
    String reason =
        switch (state) {
          case FAILED -> failure == null ? "failed" : Reasons.of(failure);
          case DISABLED -> failure == null ? DISABLED_REASON : Reasons.of(failure);
          default -> null;
        };
    return new PluginInfo(
        wrapper.getPluginId(),
        wrapper.getDescriptor().getVersion(),
        state,
        wrapper.getPluginPath().toString(),
        reason);
  }

  /** A plugin that could not even be loaded: its id is guessed from the file name. */
  static PluginInfo failed(Path source, String reason) {
    return new PluginInfo(
        idFromFileName(source), "?", PluginState.FAILED, source.toString(), reason);
  }

  /** What subscribers of {@code EventTypes.PLUGIN_*} receive. */
  static Map<String, Object> detail(PluginInfo info) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("plugin", info.id());
    detail.put("version", info.version());
    detail.put("state", info.state().name());
    detail.put("source", info.source());
    if (info.reason() != null) {
      detail.put("reason", info.reason());
    }
    return detail;
  }

  static String idFromFileName(Path source) {
    String name = source.getFileName().toString();
    int dot = name.lastIndexOf('.');
    boolean archive = name.endsWith(".jar") || name.endsWith(".zip");
    return archive && dot > 0 ? name.substring(0, dot) : name;
  }

  private static PluginState state(org.pf4j.PluginState state) {
    return switch (state) {
      case STARTED -> PluginState.STARTED;
      case STOPPED, UNLOADED -> PluginState.STOPPED;
      case FAILED -> PluginState.FAILED;
      case DISABLED -> PluginState.DISABLED;
      default -> PluginState.RESOLVED;
    };
  }
}
