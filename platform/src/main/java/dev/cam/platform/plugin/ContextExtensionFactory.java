package dev.cam.platform.plugin;

import dev.cam.api.PlatformContext;
import dev.cam.api.Transport;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each extension once, through a constructor taking the {@link PlatformContext} when there
 * is one, else through the no-argument constructor. Instances are kept until their plugin is
 * unloaded, so every caller sees the same extension object.
 */
final class ContextExtensionFactory implements ExtensionFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ContextExtensionFactory.class);

  private final Supplier<PlatformContext> context;
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

  ContextExtensionFactory(Supplier<PlatformContext> context) {
    this.context = context;
  }

  @Override
  public <T> T create(Class<T> extensionClass) {
    Object existing = instances.get(extensionClass);
    if (existing != null) {
      return extensionClass.cast(existing);
    }
    T created = instantiate(extensionClass);
    instances.put(extensionClass, created);
    return created;
  }

  /**
   * Drops the instances whose classes came from this class loader (their plugin is leaving), and
   * closes the transports among them so their threads and connections go with the plugin. A close
   * that fails is logged; the others still close.
   */
  void forget(ClassLoader loader) {
    instances
        .entrySet()
        .removeIf(
            entry -> {
              if (entry.getKey().getClassLoader() != loader) {
                return false;
              }
              if (entry.getValue() instanceof Transport transport) {
                closeQuietly(transport);
              }
              return true;
            });
  }

  private static void closeQuietly(Transport transport) {
    try {
      transport.close();
    } catch (RuntimeException e) {
      LOG.warn("transport {} did not close cleanly: {}", transport.id(), e.getMessage());
    }
  }

  private <T> T instantiate(Class<T> type) {
    try {
      Constructor<T> withContext = contextConstructor(type);
      if (withContext != null) {
        return withContext.newInstance(context.get());
      }
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new PluginRuntimeException(cause, "%s could not be created", type.getName());
    } catch (NoSuchMethodException e) {
      throw new PluginRuntimeException(
          "%s needs a public constructor taking a PlatformContext, or none", type.getName());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new PluginRuntimeException(e, "%s could not be created", type.getName());
    }
  }

  private static <T> Constructor<T> contextConstructor(Class<T> type) {
    try {
      return type.getConstructor(PlatformContext.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
