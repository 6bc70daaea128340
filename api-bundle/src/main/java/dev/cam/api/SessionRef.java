package dev.cam.api;

/**
 * A session held by a transport.
 *
 * @param transport transport id, e.g. {@code "tmux"}
 * @param machine where it runs
 * @param name session name, e.g. {@code "cam-1a2b3c4d"}
 */
public record SessionRef(String transport, Machine machine, String name) {
  public SessionRef {
    if (transport == null || name == null || name.isBlank()) {
      throw new IllegalArgumentException("session needs a transport and a name");
    }
    machine = machine == null ? Machine.LOCAL : machine;
  }
}
