package dev.cam.plugin.api.route;

import dev.cam.api.Context;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code PATCH /api/contexts/{name}}: the members given change, the others stay, like the
 * options of {@code cam context update}.
 *
 * @param path new absolute directory; on this machine it must exist
 * @param host remote host; {@code ""} makes the context local again
 * @param user SSH login name ({@code ""} to clear)
 * @param port SSH port (0 for the default)
 * @param keyFile private key file on the server ({@code ""} to clear)
 * @param tags tags to add
 * @param untags tags to remove
 */
record ContextPatch(
    String path,
    String host,
    String user,
    Integer port,
    String keyFile,
    List<String> tags,
    List<String> untags) {

  /** {@code old} with this patch applied and checked. */
  Context apply(Context old) {
    Machine base = old.machine();
    boolean moved = host != null || user != null || port != null || keyFile != null;
    Machine where = moved ? machine(base) : base;
    String dir = path == null ? old.path() : path.trim();
    if ((path != null || moved) && where.isLocal() && !Files.isDirectory(Path.of(dir))) {
      throw new InvalidInputException(
          "directory "
              + dir
              + " does not exist on the server: create it first or give another path");
    }
    List<String> newTags = new ArrayList<>(old.tags());
    if (untags != null) {
      newTags.removeAll(untags);
    }
    if (tags != null) {
      tags.stream().filter(t -> !newTags.contains(t)).forEach(newTags::add);
    }
    return new Context(old.name(), dir, where, newTags);
  }

  private Machine machine(Machine base) {
    String h = host != null ? blankToNull(host) : base.host();
    // a context made local again forgets how it logged in to its old machine
    Machine from = h == null ? Machine.LOCAL : base;
    String u = user != null ? blankToNull(user) : from.user();
    int p = port != null ? port : from.port();
    String k = keyFile != null ? blankToNull(keyFile) : from.keyFile();
    if (h == null) {
      if (u != null || p != 0 || k != null) {
        throw new InvalidInputException(
            "user, port and key_file are for remote machines: give host as well");
      }
      return Machine.LOCAL;
    }
    return Machine.remote(h, u, p, k);
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.trim();
  }
}
