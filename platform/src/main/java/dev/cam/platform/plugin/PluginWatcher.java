package dev.cam.platform.plugin;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import dev.cam.api.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot plug: watches one plugins directory and, once a changed entry has been quiet (no events, same
 * sizes and times) for a while, loads it, replaces it or unloads it. The wait keeps a jar that is
 * still being copied from being loaded half-written.
 */
final class PluginWatcher implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(PluginWatcher.class);

  private final Path directory;
  private final PluginHost host;
  private final long quietNanos;
  private final Map<Path, Pending> pending = new HashMap<>();
  private WatchService service;
  private Thread thread;
  private volatile boolean closed;

  private record Pending(long since, long signature) {}

  PluginWatcher(Path directory, PluginHost host, Duration quiet) {
    this.directory = directory;
    this.host = host;
    this.quietNanos = quiet.toNanos();
  }

  void start() {
    try {
      Files.createDirectories(directory);
      service = directory.getFileSystem().newWatchService();
      directory.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot watch " + directory + " for plugins: " + e.getMessage(), e);
    }
    thread = new Thread(this::run, "cam-plugin-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (IOException e) {
      LOG.warn("Cannot close the plugin watcher of {}: {}", directory, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long tick = Math.max(1, TimeUnit.NANOSECONDS.toMillis(quietNanos) / 3);
    try {
      while (!closed) {
        WatchKey key = service.poll(tick, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents().forEach(this::note);
          key.reset();
        }
        settle();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed: nothing more to watch
    }
  }

  private void note(WatchEvent<?> event) {
    if (event.context() instanceof Path name) {
      Path path = directory.resolve(name);
      pending.put(path, new Pending(System.nanoTime(), PluginFiles.signature(path)));
    }
  }

  private void settle() {
    long now = System.nanoTime();
    Iterator<Map.Entry<Path, Pending>> entries = pending.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Path, Pending> entry = entries.next();
      if (now - entry.getValue().since() < quietNanos) {
        continue;
      }
      long signature = PluginFiles.signature(entry.getKey());
      if (signature != entry.getValue().signature()) {
        entry.setValue(new Pending(now, signature));
        continue;
      }
      entries.remove();
      apply(entry.getKey());
    }
  }

  private void apply(Path path) {
    try {
      if (!Files.exists(path)) {
        host.unload(path);
      } else if (PluginFiles.isCandidate(path) && !ownedByHost(path)) {
        host.load(path);
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot apply the plugin change of {}: {}", path, e.getMessage());
    }
  }

  /** A zip's unpacked directory, or a directory plugin already loaded: nothing to do. */
  private boolean ownedByHost(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    Path zip = path.resolveSibling(path.getFileName() + ".zip");
    return Files.exists(zip) || host.isLoadedFrom(path);
  }
}
