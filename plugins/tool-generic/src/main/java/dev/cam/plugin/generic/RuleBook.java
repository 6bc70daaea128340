package dev.cam.plugin.generic;

import dev.cam.api.ConfigException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The current rules of one tool and the reader built from them. {@link #refresh()} reloads when the
 * user's file changed, so an edit takes effect at the next launch without a restart. A broken user
 * file leaves the last good rules in place (the built-in ones at first) and is reported by {@link
 * #problem()}.
 *
 * <p>Threading: {@link #reader()} and {@link #rules()} read one volatile snapshot and never block;
 * {@link #refresh()} is synchronized and does I/O.
 */
public final class RuleBook {
  private record Snapshot(
      ToolRules rules, ScreenReader reader, ConfigException problem, FileTime stamp) {}

  private final RulesLoader loader;
  private final String id;
  private final URL builtIn;
  private final Path userFile;
  private volatile Snapshot current;

  /**
   * Loads at once. Throws when {@code builtIn} itself is broken (a bug in the plugin), or when
   * there is no built-in resource and the user's file is broken.
   */
  public RuleBook(RulesLoader loader, String id, URL builtIn, Path userFile) {
    this.loader = loader;
    this.id = id;
    this.builtIn = builtIn;
    this.userFile = userFile;
    try {
      current = load();
    } catch (ConfigException e) {
      if (builtIn == null) {
        throw e;
      }
      ToolRules rules = loader.load(id, builtIn, null);
      current = new Snapshot(rules, new ScreenReader(rules.screen()), e, stamp());
    }
  }

  public String id() {
    return id;
  }

  public ToolRules rules() {
    return current.rules();
  }

  public ScreenReader reader() {
    return current.reader();
  }

  /** The user's file, which may not exist. */
  public Path userFile() {
    return userFile;
  }

  /** Why the user's file is not in effect, if it is broken. */
  public Optional<ConfigException> problem() {
    return Optional.ofNullable(current.problem());
  }

  /** Reloads if the user's file appeared, changed or went away since the last load. */
  public synchronized void refresh() {
    if (!java.util.Objects.equals(stamp(), current.stamp())) {
      try {
        current = load();
      } catch (ConfigException e) {
        current = new Snapshot(current.rules(), current.reader(), e, stamp());
      }
    }
  }

  private Snapshot load() {
    FileTime stamp = stamp();
    ToolRules rules = loader.load(id, builtIn, userFile);
    return new Snapshot(rules, new ScreenReader(rules.screen()), null, stamp);
  }

  private FileTime stamp() {
    try {
      return userFile != null && Files.isRegularFile(userFile)
          ? Files.getLastModifiedTime(userFile)
          : null;
    } catch (IOException e) {
      return null;
    }
  }
}
