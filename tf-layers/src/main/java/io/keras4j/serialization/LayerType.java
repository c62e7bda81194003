package io.keras4j.serialization;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerArgs;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * How to create a layer class from its Keras config: the Keras names it is registered under, its
 * config record and its {@code fromConfig} (a constructor taking the record and the base {@link
 * LayerArgs}).
 *
 * <pre>{@code
 * LayerType.of("Dense", Dense.class, DenseConfig.class, Dense::new);
 * LayerType.custom("seed", "MyLayer", MyLayer.class, MyLayerConfig.class, MyLayer::new);
 * }</pre>
 *
 * @param module Keras' module of the class ({@code keras.layers}), {@code null} for custom layers
 * @param registeredName Keras' {@code package>Name} key of a custom layer, {@code null} for a
 *     built-in
 */
public record LayerType<C>(
    @Nullable String module,
    String className,
    @Nullable String registeredName,
    Class<? extends Layer> layerClass,
    Class<C> configClass,
    BiFunction<C, LayerArgs, ? extends Layer> factory,
    BaseKeys baseKeys) {

  /** Which of the base layer's keys a class's Keras {@code get_config} writes. */
  public enum BaseKeys {
    /**
     * {@code name}, {@code trainable}, {@code dtype} (a DTypePolicy), as {@code Layer.get_config}.
     */
    LAYER,
    /**
     * {@code name} and {@code dtype} as a plain name, without {@code trainable}: classes whose
     * {@code get_config} does not call the base class's (Keras' spatial dropouts).
     */
    NAME_AND_DTYPE_NAME
  }

  public LayerType(
      @Nullable String module,
      String className,
      @Nullable String registeredName,
      Class<? extends Layer> layerClass,
      Class<C> configClass,
      BiFunction<C, LayerArgs, ? extends Layer> factory) {
    this(module, className, registeredName, layerClass, configClass, factory, BaseKeys.LAYER);
  }

  /** This type writing only the given base keys. */
  public LayerType<C> withBaseKeys(BaseKeys keys) {
    return new LayerType<>(
        module, className, registeredName, layerClass, configClass, factory, keys);
  }

  public LayerType {
    Objects.requireNonNull(baseKeys, "baseKeys");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(layerClass, "layerClass");
    Objects.requireNonNull(configClass, "configClass");
    Objects.requireNonNull(factory, "factory");
  }

  /** A built-in layer of {@code keras.layers}. */
  public static <C, L extends Layer> LayerType<C> of(
      String className,
      Class<L> layerClass,
      Class<C> configClass,
      BiFunction<C, LayerArgs, L> factory) {
    return new LayerType<>("keras.layers", className, null, layerClass, configClass, factory);
  }

  /**
   * A custom layer, registered as Keras' {@code @register_keras_serializable(package=...)}
   * registers it: under {@code package>ClassName}.
   */
  public static <C, L extends Layer> LayerType<C> custom(
      String pkg,
      String className,
      Class<L> layerClass,
      Class<C> configClass,
      BiFunction<C, LayerArgs, L> factory) {
    return new LayerType<>(
        null, className, pkg + ">" + className, layerClass, configClass, factory);
  }

  /**
   * The type of a layer class found by reflection: it must have a public constructor {@code
   * (ConfigRecord config, LayerArgs args)}. Its Keras class name is the Java simple name.
   *
   * @param registeredName the {@code package>Name} key, or {@code null} for a built-in name
   */
  public static LayerType<?> reflect(
      Class<? extends Layer> layerClass, @Nullable String registeredName) {
    for (Constructor<?> c : layerClass.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 2 && p[1] == LayerArgs.class && p[0].isRecord()) {
        return reflected(layerClass, p[0], c, registeredName);
      }
    }
    throw new IllegalArgumentException(
        layerClass.getName()
            + " cannot be registered: it needs a public constructor (ConfigRecord config,"
            + " LayerArgs args)");
  }

  private static <C> LayerType<C> reflected(
      Class<? extends Layer> layerClass,
      Class<C> configClass,
      Constructor<?> ctor,
      @Nullable String registeredName) {
    BiFunction<C, LayerArgs, Layer> factory =
        (config, args) -> {
          try {
            return (Layer) ctor.newInstance(config, args);
          } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        };
    return new LayerType<>(
        registeredName == null ? "keras.layers" : null,
        layerClass.getSimpleName(),
        registeredName,
        layerClass,
        configClass,
        factory);
  }

  /** The key Keras looks this type up by: the registered name, else the class name. */
  public String key() {
    return registeredName != null ? registeredName : className;
  }

  /** Creates a layer from its config record and base arguments. */
  public Layer create(Object config, LayerArgs args) {
    return factory.apply(configClass.cast(config), args);
  }

  /**
   * The JSON keys the config record reads: its components' keys and any extra key its builder
   * accepts (such as a Keras 2 alias).
   */
  java.util.Set<String> knownKeys() {
    return KNOWN_KEYS.get(configClass);
  }

  /** Each config class's keys, found by reflection once. */
  private static final ClassValue<java.util.Set<String>> KNOWN_KEYS =
      new ClassValue<>() {
        @Override
        protected java.util.Set<String> computeValue(Class<?> configClass) {
          java.util.Set<String> keys = new java.util.LinkedHashSet<>();
          RecordComponent[] components = configClass.getRecordComponents();
          if (components != null) {
            for (RecordComponent rc : components) {
              JsonProperty p = rc.getAnnotation(JsonProperty.class);
              if (p == null) p = rc.getAccessor().getAnnotation(JsonProperty.class);
              keys.add(
                  p != null && !p.value().isEmpty() ? p.value() : KerasJson.snake(rc.getName()));
            }
          }
          JsonDeserialize d = configClass.getAnnotation(JsonDeserialize.class);
          if (d != null && d.builder() != Void.class) {
            for (java.lang.reflect.Method m : d.builder().getMethods()) {
              JsonProperty p = m.getAnnotation(JsonProperty.class);
              if (p != null && !p.value().isEmpty()) keys.add(p.value());
            }
          }
          return java.util.Collections.unmodifiableSet(keys);
        }
      };
}
