package dev.cam.api;

/**
 * One line of {@code cam doctor}.
 *
 * @param name what was checked, e.g. "tmux"
 * @param ok whether it is fine
 * @param detail what was found, e.g. a version
 * @param fix what to do when not ok, or {@code null}
 */
public record DoctorCheck(String name, boolean ok, String detail, String fix) {}
