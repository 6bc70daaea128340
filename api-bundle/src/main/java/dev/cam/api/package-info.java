/**
 * CAM's public API: the extension points plugins implement ({@link dev.cam.api.ToolAdapter}, {@link
 * dev.cam.api.Transport}, {@link dev.cam.api.Frontend}, {@link dev.cam.api.Cli}), the kernel
 * services they receive through {@link dev.cam.api.PlatformContext}, and the value types that cross
 * those boundaries.
 *
 * <p>This package depends on the JDK alone. Value types are immutable records whose compact
 * constructors validate their arguments and copy collections; they are safe to share between
 * threads.
 */
package dev.cam.api;
