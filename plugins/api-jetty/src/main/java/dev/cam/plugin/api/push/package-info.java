/**
 * Web Push (RFC 8030) for the web app: the server's VAPID key pair (RFC 8292), the browsers'
 * subscriptions, messages encrypted as RFC 8291 says (aes128gcm), and the notifier that sends one
 * when an agent finishes, fails or waits. JDK cryptography and HTTP client only.
 */
package dev.cam.plugin.api.push;
