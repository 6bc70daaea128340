package dev.cam.plugin.cli.context;

import dev.cam.api.Context;
import dev.cam.api.Machine;
import dev.cam.plugin.cli.Json;
import java.util.Map;

/** A context as JSON: {@code {name, path, machine:{label,host,user,port,key_file}, tags}}. */
final class ContextJson {
  private ContextJson() {}

  static Map<String, Object> of(Context c) {
    Machine m = c.machine();
    return Json.object(
        "name",
        c.name(),
        "path",
        c.path(),
        "machine",
        Json.object(
            "label", m.label(),
            "host", m.host(),
            "user", m.user(),
            "port", m.port(),
            "key_file", m.keyFile()),
        "tags",
        c.tags());
  }
}
