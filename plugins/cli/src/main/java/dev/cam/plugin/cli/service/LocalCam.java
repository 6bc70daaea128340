package dev.cam.plugin.cli.service;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.Context;
import dev.cam.api.LaunchPlan;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRunner.ApplyOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link CamService} by this process's kernel: the store directly, agents driven from here. */
public final class LocalCam implements CamService {
  private final PlatformContext context;

  public LocalCam(PlatformContext context) {
    this.context = context;
  }

  @Override
  public List<Agent> agents(AgentQuery query) {
    return context.agents().list(query);
  }

  @Override
  public Agent agent(String id) {
    return context.agents().find(id);
  }

  @Override
  public List<Map<String, Object>> log(String agentId, int tail) {
    return context.logs().read(agentId, tail);
  }

  @Override
  public EventFeed follow(String agentId, long afterSeq) {
    return new StoreFeed(context.events(), agentId, afterSeq);
  }

  @Override
  public Agent run(RunRequest request) {
    return context.control().run(request);
  }

  @Override
  public LaunchPlan plan(RunRequest request) {
    return context.control().plan(request);
  }

  @Override
  public Agent stop(String id) {
    return context.control().stop(id);
  }

  @Override
  public Agent kill(String id) {
    return context.control().kill(id);
  }

  @Override
  public Agent retry(String id) {
    return context.control().retry(id);
  }

  @Override
  public void send(String id, String text, boolean enter) {
    context.control().send(id, text, enter);
  }

  @Override
  public void keys(String id, List<String> keys) {
    context.control().keys(id, keys);
  }

  @Override
  public Screen output(String id, int lines) {
    return context.control().output(context.agents().find(id).id(), lines);
  }

  @Override
  public List<Context> contexts() {
    return context.contexts().list();
  }

  @Override
  public Context context(String name) {
    return context.contexts().get(name);
  }

  @Override
  public Context addContext(Context added) {
    return context.contexts().add(added);
  }

  @Override
  public void removeContext(String name) {
    context.contexts().remove(name);
  }

  @Override
  public TaskGraphRun apply(String file, String content, ApplyOptions options) {
    TaskGraph graph = context.tasks().parse(content, format(file), file);
    return context.tasks().apply(graph, options);
  }

  @Override
  public TaskGraphRun graph(String id) {
    return context.tasks().get(id);
  }

  @Override
  public List<TaskGraphRun> graphs(int limit) {
    return context.tasks().list(limit);
  }

  @Override
  public List<PluginInfo> plugins() {
    return context.plugins().list();
  }

  /** The task file's format by its name: toml, json, else yaml. */
  public static String format(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".toml") ? "toml" : lower.endsWith(".json") ? "json" : "yaml";
  }
}
