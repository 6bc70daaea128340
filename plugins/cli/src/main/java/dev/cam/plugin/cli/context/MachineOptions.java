package dev.cam.plugin.cli.context;

import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --host --user --port --key}: where a context's directory is. */
final class MachineOptions {
  @Option(names = "--host", description = "Remote host (name, address or ~/.ssh/config alias).")
  String host;

  @Option(names = "--user", description = "SSH login name on the remote host.")
  String user;

  @Option(names = "--port", description = "SSH port of the remote host.")
  Integer port;

  @Option(names = "--key", paramLabel = "FILE", description = "SSH private key file.")
  Path key;

  boolean given() {
    return host != null || user != null || port != null || key != null;
  }

  /** The machine these options describe, starting from {@code base} for what is not given. */
  Machine machine(Machine base) {
    String h = host != null ? blankToNull(host) : base.host();
    String u = user != null ? blankToNull(user) : base.user();
    int p = port != null ? port : base.port();
    String k = key != null ? checkedKey(key) : base.keyFile();
    if (h == null) {
      if (u != null || p != 0 || k != null) {
        throw new InvalidInputException(
            "--user, --port and --key are for remote machines: give --host as well");
      }
      return Machine.LOCAL;
    }
    return Machine.remote(h, u, p, k);
  }

  private static String checkedKey(Path key) {
    Path file = key.toAbsolutePath().normalize();
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(
          "key file " + file + " does not exist or cannot be read: give the private key's path");
    }
    return file.toString();
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.trim();
  }
}
