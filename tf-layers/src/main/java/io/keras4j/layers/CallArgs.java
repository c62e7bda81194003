package io.keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a layer call with their structure: positional arguments and keyword arguments,
 * whose values are tensors, lists of values, or plain values ({@code null}, booleans, numbers,
 * strings). Keras records the same structure in a node's {@code inbound_nodes} entry.
 *
 * <p>A layer's {@code call} receives the tensors flattened in order: positional arguments first,
 * then keyword arguments, each depth first.
 */
public record CallArgs(List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {

  public CallArgs {
    args = Collections.unmodifiableList(new ArrayList<>(args));
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }

  /** Positional arguments only. */
  public static CallArgs of(@Nullable Object... args) {
    return new CallArgs(Arrays.asList(args), Map.of());
  }

  /** This call with one more keyword argument. */
  public CallArgs withKwarg(String name, @Nullable Object value) {
    Map<String, @Nullable Object> k = new LinkedHashMap<>(kwargs);
    k.put(name, value);
    return new CallArgs(args, k);
  }

  /** The tensors among the arguments, flattened in order. */
  public List<KerasTensor> tensors() {
    List<KerasTensor> out = new ArrayList<>();
    for (Object a : args) collect(a, out);
    for (Object a : kwargs.values()) collect(a, out);
    return out;
  }

  /** For each keyword argument holding tensors, the flat index of its first tensor. */
  public Map<String, Integer> tensorKwargs() {
    List<KerasTensor> seen = new ArrayList<>();
    for (Object a : args) collect(a, seen);
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : kwargs.entrySet()) {
      int before = seen.size();
      collect(e.getValue(), seen);
      if (seen.size() > before) out.put(e.getKey(), before);
    }
    return out;
  }

  /** The keyword arguments that hold no tensor and are not null. */
  public Map<String, Object> plainKwargs() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : kwargs.entrySet()) {
      Object v = e.getValue();
      if (v != null && !containsTensor(v)) out.put(e.getKey(), v);
    }
    return out;
  }

  /** Whether the first positional argument is a list (Keras layers called on {@code [a, b]}). */
  public boolean firstIsList() {
    return !args.isEmpty() && args.get(0) instanceof List<?>;
  }

  /** The same structure with every tensor replaced by {@code f}'s result. */
  public CallArgs mapTensors(Function<KerasTensor, ?> f) {
    List<@Nullable Object> a = new ArrayList<>();
    for (Object v : args) a.add(map(v, f));
    Map<String, @Nullable Object> k = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : kwargs.entrySet()) {
      k.put(e.getKey(), map(e.getValue(), f));
    }
    return new CallArgs(a, k);
  }

  private static @Nullable Object map(@Nullable Object v, Function<KerasTensor, ?> f) {
    if (v instanceof KerasTensor t) return f.apply(t);
    if (v instanceof List<?> l) {
      List<@Nullable Object> out = new ArrayList<>(l.size());
      for (Object x : l) out.add(map(x, f));
      return out;
    }
    return v;
  }

  private static void collect(@Nullable Object v, List<KerasTensor> out) {
    if (v instanceof KerasTensor t) {
      out.add(t);
    } else if (v instanceof List<?> l) {
      for (Object x : l) collect(x, out);
    }
  }

  private static boolean containsTensor(Object v) {
    List<KerasTensor> l = new ArrayList<>();
    collect(v, l);
    return !l.isEmpty();
  }
}
