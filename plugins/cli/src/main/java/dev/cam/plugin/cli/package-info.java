/** The {@code cam} command line. */
package dev.cam.plugin.cli;
