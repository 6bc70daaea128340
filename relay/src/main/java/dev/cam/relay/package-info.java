/**
 * The standalone relay. Its server comes with the relay issue; the module exists so the build has
 * its final shape.
 */
package dev.cam.relay;
