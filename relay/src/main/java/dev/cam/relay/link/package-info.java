/**
 * The CAM server's side of the relay: {@link dev.cam.relay.link.ServerLink} connects out to a
 * relay, proves the server's identity, and forwards each client stream to a local HTTP origin such
 * as {@code http://127.0.0.1:8420}, WebSocket upgrades included. The link itself is a stream link
 * on a blocking socket (a WebSocket only with a relay that refuses it); origin requests go through
 * Jetty's HTTP client with pooled buffers, WebSocket streams to the origin through the JDK's.
 */
package dev.cam.relay.link;
