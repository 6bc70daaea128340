/**
 * The relay server: a Jetty 12 program that accepts server links on {@code /_relay/link} and
 * clients on {@code /s/<server-id>/...}, and moves bytes between them without looking inside.
 */
package dev.cam.relay.server;
