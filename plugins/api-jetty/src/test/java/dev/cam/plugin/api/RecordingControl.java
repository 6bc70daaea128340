package dev.cam.plugin.api;

import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Agent control that remembers what the API asked of it and shows a screen the test sets, so a
 * browser test can check that its clicks reached the server. A run is answered by {@code runs} when
 * the test gives one; other lifecycle calls are not offered.
 */
final class RecordingControl implements AgentControl {
  final List<String> received = new CopyOnWriteArrayList<>();
  private volatile String screen;
  private volatile Function<RunRequest, Agent> runs;

  RecordingControl(String screen) {
    this.screen = screen;
  }

  void show(String text) {
    this.screen = text;
  }

  void onRun(Function<RunRequest, Agent> answer) {
    this.runs = answer;
  }

  @Override
  public Agent run(RunRequest request) {
    Function<RunRequest, Agent> answer = runs;
    if (answer == null) {
      throw new UnsupportedOperationException("no runs in this test");
    }
    received.add(
        "run "
            + request.tool()
            + " "
            + request.prompt()
            + " cwd="
            + request.cwd()
            + " timeout="
            + request.options().timeout()
            + " auto="
            + request.options().autoConfirm());
    return answer.apply(request);
  }

  @Override
  public Agent stop(String id) {
    throw new UnsupportedOperationException("no stop in this test");
  }

  @Override
  public Agent kill(String id) {
    throw new UnsupportedOperationException("no kill in this test");
  }

  @Override
  public Agent retry(String id) {
    throw new UnsupportedOperationException("no retry in this test");
  }

  @Override
  public void send(String id, String text, boolean enter) {
    received.add("text " + id + " " + text + (enter ? " +Enter" : ""));
  }

  @Override
  public void keys(String id, List<String> keys) {
    received.add("keys " + id + " " + String.join(",", keys));
  }

  @Override
  public Screen output(String id, int lines) {
    return Screen.of(screen);
  }

  @Override
  public List<Agent> adopt() {
    return List.of();
  }
}
