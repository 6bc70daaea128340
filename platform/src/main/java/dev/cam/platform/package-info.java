/** The kernel: config, store, events, plugin host, agents, monitor, tasks. */
package dev.cam.platform;
