package dev.cam.platform.monitor;

import dev.cam.platform.config.CamSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How agents are watched.
 *
 * @param pollInterval how often a screen is captured when the transport can't report activity
 * @param safetyPoll how often a watched (event-driven) session is captured anyway
 * @param activityDelay how long activity reports are gathered into one capture
 * @param minCaptureGap activity never causes captures closer together than this (a busy spinner
 *     would otherwise cost one capture per frame)
 * @param promptSettle how long a prompt must stay unchanged on screen before it is answered
 * @param waitingSettle how long a prompt CAM won't answer must stay unchanged on screen before the
 *     agent is reported waiting for a person (a dialog still being drawn has no cursor yet)
 * @param confirmCooldown the same prompt is not answered twice within this time
 * @param idleStability how long a ready screen must stay unchanged to count as finished
 * @param probeEnabled whether the probe may be sent when the screen doesn't say busy or idle
 * @param probeAfter how long an unclear screen must stay unchanged before probing
 * @param probeTimeout how long to wait for the probe's echo
 * @param submitPause pause between typing the prompt and pressing Enter
 * @param outputInterval at most one {@code output} event per agent within this time
 * @param outputLines how many bottom lines an {@code output} event carries
 * @param lostContactLimit how long a session may be unreachable (its transport failing, e.g. an SSH
 *     connection cut) before the agent is failed; shorter cuts are ridden out, the transport
 *     reconnecting
 */
public record MonitorSettings(
    Duration pollInterval,
    Duration safetyPoll,
    Duration activityDelay,
    Duration minCaptureGap,
    Duration promptSettle,
    Duration waitingSettle,
    Duration confirmCooldown,
    Duration idleStability,
    boolean probeEnabled,
    Duration probeAfter,
    Duration probeTimeout,
    Duration submitPause,
    Duration outputInterval,
    int outputLines,
    Duration lostContactLimit) {

  /** The values used when the configuration says nothing. */
  public static final MonitorSettings DEFAULTS =
      new MonitorSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofMillis(15),
          Duration.ofMillis(150),
          Duration.ofMillis(30),
          Duration.ofMillis(500),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          true,
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          Duration.ofMillis(200),
          Duration.ofSeconds(1),
          20,
          Duration.ofMinutes(2));

  public MonitorSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(safetyPoll, "safetyPoll");
    Objects.requireNonNull(activityDelay, "activityDelay");
    Objects.requireNonNull(minCaptureGap, "minCaptureGap");
    Objects.requireNonNull(promptSettle, "promptSettle");
    Objects.requireNonNull(waitingSettle, "waitingSettle");
    Objects.requireNonNull(confirmCooldown, "confirmCooldown");
    Objects.requireNonNull(idleStability, "idleStability");
    Objects.requireNonNull(probeAfter, "probeAfter");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    Objects.requireNonNull(submitPause, "submitPause");
    Objects.requireNonNull(outputInterval, "outputInterval");
    Objects.requireNonNull(lostContactLimit, "lostContactLimit");
    if (pollInterval.isZero() || pollInterval.isNegative() || safetyPoll.isNegative()) {
      throw new IllegalArgumentException("poll intervals must be positive");
    }
  }

  /** Settings from the {@code [monitor]} configuration section; the rest keep their defaults. */
  public static MonitorSettings from(CamSettings.Monitor config) {
    MonitorSettings d = DEFAULTS;
    return new MonitorSettings(
        config.pollInterval(),
        d.safetyPoll(),
        d.activityDelay(),
        d.minCaptureGap(),
        d.promptSettle(),
        d.waitingSettle(),
        config.confirmCooldown(),
        config.idleStability(),
        config.probeEnabled(),
        config.probeAfter(),
        config.probeTimeout(),
        d.submitPause(),
        d.outputInterval(),
        d.outputLines(),
        config.lostContactLimit());
  }

  /** A copy polling at another interval. */
  public MonitorSettings withPollInterval(Duration interval) {
    return new MonitorSettings(
        interval,
        safetyPoll,
        activityDelay,
        minCaptureGap,
        promptSettle,
        waitingSettle,
        confirmCooldown,
        idleStability,
        probeEnabled,
        probeAfter,
        probeTimeout,
        submitPause,
        outputInterval,
        outputLines,
        lostContactLimit);
  }

  /** A copy that fails an agent after its session was unreachable for {@code limit}. */
  public MonitorSettings withLostContactLimit(Duration limit) {
    return new MonitorSettings(
        pollInterval,
        safetyPoll,
        activityDelay,
        minCaptureGap,
        promptSettle,
        waitingSettle,
        confirmCooldown,
        idleStability,
        probeEnabled,
        probeAfter,
        probeTimeout,
        submitPause,
        outputInterval,
        outputLines,
        limit);
  }
}
