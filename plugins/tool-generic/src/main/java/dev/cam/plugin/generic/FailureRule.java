package dev.cam.plugin.generic;

import dev.cam.api.Failure;

/**
 * A screen that passes {@code match} means the tool cannot go on by itself.
 *
 * @param name rule name, used to override it from a user file
 * @param match the test
 * @param failure what is reported
 */
public record FailureRule(String name, Match match, Failure failure) {}
