/** The relay link: keeps this CAM server reachable through a CAM relay. */
package dev.cam.plugin.relaylink;
