/**
 * Server identity: each CAM server's long-term Ed25519 key pair, the server id derived from its
 * public key, and the signed registration proof the relay checks.
 */
package dev.cam.relay.identity;
