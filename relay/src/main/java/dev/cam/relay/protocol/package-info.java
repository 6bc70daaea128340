/**
 * The relay link protocol: binary frames multiplexing many streams over one WebSocket, with
 * per-stream credit-based flow control. Specified in {@code docs/relay-protocol.md}.
 */
package dev.cam.relay.protocol;
