package dev.cam.api;

/** A thing asked for by id or name does not exist. Carries what was looked for. */
public class NotFoundException extends CamException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String key;

  /**
   * @param kind what was looked for, e.g. {@code "agent"} or {@code "context"}
   * @param key the id, prefix or name given
   * @param hint what the person can do, e.g. {@code "run 'cam list' to see agents"}
   */
  public NotFoundException(String kind, String key, String hint) {
    super("no " + kind + " '" + key + "'" + (hint == null || hint.isEmpty() ? "" : ": " + hint));
    this.kind = kind;
    this.key = key;
  }

  public String kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
