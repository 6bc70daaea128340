package dev.cam.api;

import java.util.List;

/**
 * Extension point: where sessions live (local tmux, tmux over SSH, ...).
 *
 * <p>Key names for {@link #sendKeys}: {@code Enter}, {@code Escape}, {@code Tab}, {@code BSpace},
 * {@code Up}, {@code Down}, {@code Left}, {@code Right}, {@code C-c} (any {@code C-x}), and single
 * characters.
 *
 * <p>Threading: every method may be called from several threads at once. Methods block until done
 * and throw {@link TransportException} on failure.
 */
public interface Transport {
  /** Stable id, e.g. {@code "tmux"}. */
  String id();

  /** Whether this transport can hold sessions on that machine. */
  boolean supports(Machine machine);

  SessionRef create(SessionSpec spec);

  /** Types text literally (no key names interpreted), without pressing Enter. */
  void sendText(SessionRef session, String text);

  void sendKeys(SessionRef session, List<String> keys);

  /**
   * The visible screen, plus up to {@code scrollback} lines above it.
   *
   * @param keepAnsi keep colour and style escape sequences
   */
  Screen capture(SessionRef session, int scrollback, boolean keepAnsi);

  boolean isAlive(SessionRef session);

  /** Ends the session and its processes; harmless when it is already gone. */
  void kill(SessionRef session);

  /** Sessions of CAM's on that machine. */
  List<SessionRef> list(Machine machine);

  /** The command a person runs in a terminal to attach to the session. */
  List<String> attachCommand(SessionRef session);

  ConnectionReport test(Machine machine);

  /**
   * {@link #test(Machine)}, trusting a host key seen for the first time when {@code
   * acceptNewHostKey} is set ({@code cam context test --accept-new}): a transport that checks host
   * keys records the new key and reports as usual; a key that changed is still refused. Transports
   * without host keys ignore the flag.
   */
  default ConnectionReport test(Machine machine, boolean acceptNewHostKey) {
    return test(machine);
  }

  /**
   * Calls {@code onActivity} soon after the session's output changes, so watchers need not poll.
   * Transports that can't tell return {@code null}; the monitor then polls.
   */
  default Subscription watch(SessionRef session, Runnable onActivity) {
    return null;
  }

  /**
   * Releases what the transport holds (watcher threads, control connections) when its plugin stops;
   * sessions keep running. Calling it twice is harmless. By default there is nothing to release.
   */
  default void close() {}
}
