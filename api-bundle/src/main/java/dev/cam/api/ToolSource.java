package dev.cam.api;

import java.util.List;

/**
 * Extension point: tool adapters that are not extensions themselves, e.g. one per rules file a user
 * put in {@code <configDir>/tools/}. The plugin host offers these beside the {@link ToolAdapter}
 * extensions; on an id clash the {@link ToolAdapter} extension wins.
 *
 * <p>Threading: {@link #tools()} may be called from any thread and may read files; it returns a
 * fresh list each time, so a new file is picked up on the next call.
 */
public interface ToolSource {
  /** Stable id of the source, e.g. {@code "generic"}. */
  String id();

  /**
   * The adapters this source offers now. A broken definition is not left out silently: it comes
   * back as an adapter whose {@link ToolAdapter#launch} throws the problem and whose {@link
   * ToolAdapter#doctor()} reports it.
   */
  List<ToolAdapter> tools();
}
