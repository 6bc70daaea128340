/**
 * The standalone relay that lets clients reach a CAM server behind NAT.
 *
 * <p>{@link dev.cam.relay.RelayMain} starts a {@link dev.cam.relay.server.RelayServer}; a CAM
 * server connects out to it with a {@link dev.cam.relay.link.ServerLink}. Both speak the frame
 * protocol in {@link dev.cam.relay.protocol}. The module depends on nothing of CAM's platform.
 */
package dev.cam.relay;
