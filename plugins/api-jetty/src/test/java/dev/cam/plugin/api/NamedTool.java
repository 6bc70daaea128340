package dev.cam.plugin.api;

import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.util.Optional;

/** A tool adapter that only names itself: what {@code /api/tools} and the new-agent form show. */
record NamedTool(String id, String name, String version) implements ToolAdapter {
  @Override
  public String displayName() {
    return name;
  }

  @Override
  public Optional<String> installedVersion() {
    return Optional.ofNullable(version);
  }

  @Override
  public LaunchSpec launch(LaunchRequest request) {
    throw new UnsupportedOperationException("a named tool is never launched");
  }

  @Override
  public Detection read(Screen screen) {
    return Detection.NOTHING;
  }
}
