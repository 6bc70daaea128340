package dev.cam.plugin.api.route;

import dev.cam.api.DoctorCheck;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.api.ToolSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@code cam doctor}: the store, then every tool adapter's own. A check that throws
 * becomes a failed check; the others still run.
 */
final class Doctor {
  private final PlatformContext context;

  Doctor(PlatformContext context) {
    this.context = context;
  }

  List<Map<String, Object>> run() {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(store());
    for (ToolAdapter tool : tools(out)) {
      try {
        tool.doctor().forEach(check -> out.add(row(tool.id(), check)));
      } catch (RuntimeException e) {
        out.add(row(tool.id(), new DoctorCheck(tool.id(), false, e.getMessage(), null)));
      }
    }
    return out;
  }

  private Map<String, Object> store() {
    try {
      long seq = context.events().lastSeq();
      return row("cam", new DoctorCheck("store", true, "last event #" + seq, null));
    } catch (RuntimeException e) {
      return row(
          "cam",
          new DoctorCheck(
              "store", false, e.getMessage(), "check CAM_DATA_DIR and the disk, then restart"));
    }
  }

  /** Adapters from extensions and tool sources; a source that throws is reported in {@code out}. */
  private List<ToolAdapter> tools(List<Map<String, Object>> out) {
    List<ToolAdapter> tools = new ArrayList<>(context.extensions(ToolAdapter.class));
    for (ToolSource source : context.extensions(ToolSource.class)) {
      try {
        source.tools().stream()
            .filter(t -> tools.stream().noneMatch(known -> known.id().equals(t.id())))
            .forEach(tools::add);
      } catch (RuntimeException e) {
        out.add(row(source.id(), new DoctorCheck("tools", false, e.getMessage(), null)));
      }
    }
    return tools;
  }

  private static Map<String, Object> row(String source, DoctorCheck check) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source", source);
    row.put("name", check.name());
    row.put("ok", check.ok());
    row.put("detail", check.detail());
    row.put("fix", check.fix());
    return row;
  }
}
