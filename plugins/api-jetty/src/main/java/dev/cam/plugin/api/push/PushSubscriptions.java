package dev.cam.plugin.api.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.plugin.api.auth.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The browsers subscribed to push, kept in {@code <dataDir>/push-subscriptions.json} (owner only):
 * a few entries that only the API server reads and writes, so a file rewritten whole beats a table.
 *
 * <p>Threading: synchronized; the file is replaced atomically on each change.
 */
public final class PushSubscriptions {
  public static final String FILE_NAME = "push-subscriptions.json";

  /** More is a runaway client: each message goes to every subscription. */
  public static final int MAX = 50;

  private static final TypeReference<List<PushSubscription>> LIST = new TypeReference<>() {};
  private final Path file;
  private final ObjectMapper json = new ObjectMapper();
  private List<PushSubscription> loaded;

  public PushSubscriptions(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  public synchronized List<PushSubscription> list() {
    if (loaded == null) {
      loaded = read();
    }
    return List.copyOf(loaded);
  }

  /** Adds or replaces (same endpoint, new keys) a subscription. */
  public synchronized void add(PushSubscription subscription) {
    List<PushSubscription> next = without(subscription.endpoint());
    if (next.size() >= MAX) {
      throw new InvalidInputException(
          "this server already has "
              + MAX
              + " push subscriptions: turn push off in browsers that no longer need it");
    }
    next.add(subscription);
    write(next);
  }

  /** Whether it was there. */
  public synchronized boolean remove(String endpoint) {
    List<PushSubscription> next = without(endpoint);
    if (next.size() == list().size()) {
      return false;
    }
    write(next);
    return true;
  }

  private List<PushSubscription> without(String endpoint) {
    List<PushSubscription> next = new ArrayList<>(list());
    next.removeIf(s -> s.endpoint().equals(endpoint));
    return next;
  }

  private List<PushSubscription> read() {
    if (!Files.exists(file)) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(json.readValue(file.toFile(), LIST));
    } catch (IOException e) {
      throw new CamException(
          "cannot read the push subscriptions "
              + file
              + ": "
              + e.getMessage()
              + " (delete the file; browsers then turn push on again)",
          e);
    }
  }

  private void write(List<PushSubscription> subscriptions) {
    try {
      OwnerOnlyFiles.replace(file, json.writeValueAsString(subscriptions));
      loaded = new ArrayList<>(subscriptions);
    } catch (IOException e) {
      throw new CamException(
          "cannot write the push subscriptions " + file + ": " + e + " (check permissions)", e);
    }
  }
}
