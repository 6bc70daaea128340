package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Makes commands (and version providers) through their constructor taking the {@link
 * PlatformContext} when they have one.
 */
final class ContextFactory implements CommandLine.IFactory {
  private final PlatformContext context;

  ContextFactory(PlatformContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> withContext;
    try {
      withContext = type.getDeclaredConstructor(PlatformContext.class);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
    withContext.setAccessible(true);
    return withContext.newInstance(context);
  }
}
