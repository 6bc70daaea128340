package dev.cam.plugin.generic;

import java.util.List;

/**
 * One tool described as data: identity, launch, screen rules, probe keys and how to ask its
 * version. Built by {@link RulesLoader}; immutable and thread-safe.
 *
 * @param id tool id, e.g. {@code claude}
 * @param name name shown to people
 * @param install how to install the CLI, shown by doctor when it is missing
 * @param versionArgs arguments that make the CLI print its version
 * @param launch how to start it
 * @param screen what its screens say
 * @param probeKeys keys an idle prompt echoes and a busy screen swallows
 */
public record ToolRules(
    String id,
    String name,
    String install,
    List<String> versionArgs,
    LaunchRules launch,
    ScreenRules screen,
    List<String> probeKeys) {
  public ToolRules {
    versionArgs = List.copyOf(versionArgs);
    probeKeys = List.copyOf(probeKeys);
  }
}
