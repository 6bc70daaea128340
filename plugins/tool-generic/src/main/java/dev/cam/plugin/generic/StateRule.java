package dev.cam.plugin.generic;

import dev.cam.api.AgentState;

/**
 * While the tool is busy, a screen that passes {@code match} means it is in {@code state}.
 *
 * @param state the state reported
 * @param match the test
 */
public record StateRule(AgentState state, Match match) {}
