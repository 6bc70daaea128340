/**
 * What a link's frames cross, shared by both ends: the {@link dev.cam.relay.wire.FrameWire} a link
 * sends on, the {@link dev.cam.relay.wire.FrameListener} that hears it, and the WebSocket wire of
 * the first release. Each end has its own stream wire (the relay's on Jetty's non-blocking
 * endpoint, the server's on a blocking socket).
 */
package dev.cam.relay.wire;
