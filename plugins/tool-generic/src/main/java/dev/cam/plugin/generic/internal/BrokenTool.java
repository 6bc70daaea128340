package dev.cam.plugin.generic.internal;

import dev.cam.api.ConfigException;
import dev.cam.api.Detection;
import dev.cam.api.DoctorCheck;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.nio.file.Path;
import java.util.List;

/** A tool whose rules file is broken: it can't run, and says why wherever it is used. */
public final class BrokenTool implements ToolAdapter {
  private final String id;
  private final Path file;
  private final ConfigException problem;

  public BrokenTool(String id, Path file, ConfigException problem) {
    this.id = id;
    this.file = file;
    this.problem = problem;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LaunchSpec launch(LaunchRequest request) {
    throw problem;
  }

  @Override
  public Detection read(Screen screen) {
    return Detection.NOTHING;
  }

  @Override
  public List<DoctorCheck> doctor() {
    return List.of(new DoctorCheck(id + " rules", false, problem.getMessage(), "fix " + file));
  }
}
