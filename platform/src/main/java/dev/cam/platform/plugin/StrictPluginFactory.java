package dev.cam.platform.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@code Plugin-Class}, throwing with the reason where PF4J's default factory
 * logs and returns {@code null}, so the plugin can be marked FAILED with a message.
 */
final class StrictPluginFactory implements PluginFactory {
  @Override
  public Plugin create(PluginWrapper wrapper) {
    String className = wrapper.getDescriptor().getPluginClass();
    if (className == null || className.isBlank() || className.equals(Plugin.class.getName())) {
      return new Plugin();
    }
    try {
      Class<?> type = wrapper.getPluginClassLoader().loadClass(className);
      if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
        throw new PluginRuntimeException("Plugin-Class %s is not a concrete org.pf4j.Plugin", type);
      }
      try {
        return (Plugin) type.getConstructor(PluginWrapper.class).newInstance(wrapper);
      } catch (NoSuchMethodException e) {
        return (Plugin) type.getConstructor().newInstance();
      }
    } catch (InvocationTargetException e) {
      throw new PluginRuntimeException(e.getCause(), "Plugin-Class %s threw", className);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new PluginRuntimeException(e, "Plugin-Class %s cannot be created", className);
    }
  }
}
