/**
 * The CAM server's side of the relay: {@link dev.cam.relay.link.ServerLink} connects out to a
 * relay, proves the server's identity, and forwards each client stream to a local HTTP origin such
 * as {@code http://127.0.0.1:8420}, WebSocket upgrades included. It uses the JDK alone (HTTP client
 * and WebSocket), so a plugin can wrap it without further libraries.
 */
package dev.cam.relay.link;
