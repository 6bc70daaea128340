/**
 * Task graphs ({@code cam apply}): files read into validated {@link dev.cam.api.TaskGraph}s,
 * planned by level, and run as agents with a parallel limit, their state stored as they go.
 */
package dev.cam.platform.task;
