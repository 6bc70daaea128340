package dev.cam.plugin.cli.service;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.Context;
import dev.cam.api.LaunchPlan;
import dev.cam.api.PluginInfo;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRunner.ApplyOptions;
import java.util.List;
import java.util.Map;

/**
 * What the commands ask of CAM, answered either by this process's kernel ({@link LocalCam}) or by a
 * CAM server's REST API ({@code RemoteCam}), so each command is written once and prints the same
 * either way. Ids may be unique prefixes wherever an agent is named. Errors are {@link
 * dev.cam.api.CamException}s whose message says what to do.
 */
public interface CamService {
  /** Agents matching the query, newest first; a limit of 0 means all. */
  List<Agent> agents(AgentQuery query);

  /** One agent by id or unique prefix. */
  Agent agent(String id);

  /** The last {@code tail} entries of the agent's log (0 for all), oldest first. */
  List<Map<String, Object>> log(String agentId, int tail);

  /**
   * The agent's events after {@code afterSeq} as log entries, then the ones that follow. Close it
   * when done.
   */
  EventFeed follow(String agentId, long afterSeq);

  /** Starts an agent. */
  Agent run(RunRequest request);

  /**
   * What {@link #run} would start, starting nothing. Through a server the environment's values stay
   * there: the plan carries their names with empty values.
   */
  LaunchPlan plan(RunRequest request);

  /** Stops an agent gracefully. */
  Agent stop(String id);

  /** Kills an agent's session at once. */
  Agent kill(String id);

  /** Starts a new attempt of an ended agent. */
  Agent retry(String id);

  /** Types text into the agent's session, then Enter when asked. */
  void send(String id, String text, boolean enter);

  /** Sends keys to the agent's session. */
  void keys(String id, List<String> keys);

  /** The agent's screen with up to {@code lines} lines of scrollback. */
  Screen output(String id, int lines);

  List<Context> contexts();

  Context context(String name);

  Context addContext(Context context);

  void removeContext(String name);

  /**
   * Applies a task graph.
   *
   * @param file the task file's name, which tells its format and names the graph
   * @param content its text (YAML, TOML or JSON)
   * @param options how to run it (a server ignores the directory and uses its own)
   */
  TaskGraphRun apply(String file, String content, ApplyOptions options);

  /** One task graph by id or unique prefix. */
  TaskGraphRun graph(String id);

  /** The last {@code limit} task graphs applied (0 for all), newest first. */
  List<TaskGraphRun> graphs(int limit);

  List<PluginInfo> plugins();
}
