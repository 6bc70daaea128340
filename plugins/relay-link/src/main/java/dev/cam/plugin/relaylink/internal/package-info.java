/** The relay link's settings and status reporting; not for other plugins. */
package dev.cam.plugin.relaylink.internal;
