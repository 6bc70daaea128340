package dev.cam.api;

/**
 * A configuration value is wrong. Names the source (a file path, an environment variable or a
 * flag), the key, and what is allowed.
 */
public class ConfigException extends CamException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String key;

  public ConfigException(String source, String key, String problem) {
    super(source + ": " + key + ": " + problem);
    this.source = source;
    this.key = key;
  }

  public String source() {
    return source;
  }

  public String key() {
    return key;
  }
}
