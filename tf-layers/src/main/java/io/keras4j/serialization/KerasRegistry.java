package io.keras4j.serialization;

import io.keras4j.layers.Layer;
import io.keras4j.serialization.ObjectType.Category;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names Keras4J resolves when it reads a Keras config, and writes when it saves one: layers by
 * Keras class name or {@code package>Name} key, and initializers, regularizers, constraints,
 * activations, optimizers, losses and metrics by category. Keras' {@code custom_objects} and {@code
 * register_keras_serializable} in one immutable, thread-safe object.
 *
 * <pre>{@code
 * KerasRegistry registry = KerasRegistry.builtins().toBuilder()
 *     .layer(LayerType.custom("seed", "MyLayer", MyLayer.class, MyLayerConfig.class, MyLayer::new))
 *     .build();
 * }</pre>
 */
public final class KerasRegistry {

  private static volatile KerasRegistry builtins;

  private final Map<String, LayerType<?>> layers;
  private final Map<Class<?>, LayerType<?>> layersByClass;
  private final Map<Category, Map<String, ObjectType>> objects;
  private final Map<Class<?>, ObjectType> objectsByClass;

  private KerasRegistry(Builder b) {
    this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(b.layers));
    this.layersByClass = Map.copyOf(b.layersByClass);
    Map<Category, Map<String, ObjectType>> o = new EnumMap<>(Category.class);
    b.objects.forEach((k, v) -> o.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.objects = Collections.unmodifiableMap(o);
    this.objectsByClass = Map.copyOf(b.objectsByClass);
  }

  /** Every built-in layer and object of Keras4J. */
  public static KerasRegistry builtins() {
    KerasRegistry r = builtins;
    if (r == null) {
      synchronized (KerasRegistry.class) {
        r = builtins;
        if (r == null) {
          Builder b = new Builder();
          Builtins.register(b);
          builtins = r = b.build();
        }
      }
    }
    return r;
  }

  /** An empty registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this registry's entries. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.layers.putAll(layers);
    b.layersByClass.putAll(layersByClass);
    objects.forEach((k, v) -> b.objects.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
    b.objectsByClass.putAll(objectsByClass);
    return b;
  }

  /** The layer type registered under a key: a {@code package>Name} key or a class name. */
  public Optional<LayerType<?>> layer(String key) {
    return Optional.ofNullable(layers.get(key));
  }

  /** The type a layer class is registered as. */
  public Optional<LayerType<?>> layerOf(Class<? extends Layer> layerClass) {
    return Optional.ofNullable(layersByClass.get(layerClass));
  }

  /** The keys of every registered layer, sorted. */
  public Set<String> layerKeys() {
    return Collections.unmodifiableSet(new TreeSet<>(layers.keySet()));
  }

  /** The object registered under a key in a category. */
  public Optional<ObjectType> object(Category category, String key) {
    Map<String, ObjectType> m = objects.get(category);
    return Optional.ofNullable(m == null ? null : m.get(key));
  }

  /** The type an object class is registered as. */
  public Optional<ObjectType> objectOf(Class<?> javaClass) {
    return Optional.ofNullable(objectsByClass.get(javaClass));
  }

  /** The keys of every object of a category, sorted. */
  public Set<String> objectKeys(Category category) {
    Map<String, ObjectType> m = objects.getOrDefault(category, Map.of());
    return Collections.unmodifiableSet(new TreeSet<>(m.keySet()));
  }

  public static final class Builder {
    private final Map<String, LayerType<?>> layers = new LinkedHashMap<>();
    private final Map<Class<?>, LayerType<?>> layersByClass = new HashMap<>();
    private final Map<Category, Map<String, ObjectType>> objects = new EnumMap<>(Category.class);
    private final Map<Class<?>, ObjectType> objectsByClass = new HashMap<>();

    private Builder() {}

    /** Registers a layer under its key; a custom layer is also found by its class name. */
    public Builder layer(LayerType<?> type) {
      layers.put(type.key(), type);
      if (type.registeredName() != null) {
        layers.putIfAbsent(type.className(), type);
      }
      layersByClass.put(type.layerClass(), type);
      return this;
    }

    /**
     * Resolves {@code key} (a {@code registered_name} or class name found in a file) to an already
     * registered layer type, as Keras' {@code custom_objects={"key": Class}}.
     */
    public Builder alias(String key, LayerType<?> type) {
      layers.put(key, type);
      layersByClass.putIfAbsent(type.layerClass(), type);
      return this;
    }

    /** Registers an object under its key. */
    public Builder object(ObjectType type) {
      objects.computeIfAbsent(type.category(), k -> new LinkedHashMap<>()).put(type.key(), type);
      objectsByClass.putIfAbsent(type.javaClass(), type);
      return this;
    }

    /** Resolves {@code key} to an object type in its category (also a snake-case alias). */
    public Builder alias(String key, ObjectType type) {
      objects.computeIfAbsent(type.category(), k -> new LinkedHashMap<>()).put(key, type);
      return this;
    }

    public KerasRegistry build() {
      return new KerasRegistry(this);
    }
  }
}
