package dev.cam.plugin.api;

import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Agent control that remembers what the API asked of it and shows a fixed screen, so a browser test
 * can check that its clicks reached the server. Lifecycle calls are not offered.
 */
final class RecordingControl implements AgentControl {
  final List<String> received = new CopyOnWriteArrayList<>();
  private final String screen;

  RecordingControl(String screen) {
    this.screen = screen;
  }

  @Override
  public Agent run(RunRequest request) {
    throw new UnsupportedOperationException("no runs in this test");
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
