package io.keras4j.internal;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.DeviceSpec;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;

/**
 * Name scopes for building large graphs.
 *
 * <p>TensorFlow Java 1.1.0 makes every new name scope ({@code Ops.withSubScope}) unique by reading
 * the name of every operation already in the graph, through JNI. A model calls one scope per layer,
 * so building a graph costs time and garbage quadratic in its size: for MobileNetV2's 156 layers,
 * about 200 ms and 100 MB per compiled signature. The scopes made here name operations the same way
 * ({@code parent/child/Op_1}) from their own counters and check each name against the graph with
 * one lookup, so a name is still never taken twice.
 *
 * <p>TensorFlow Java creates {@code Ops} only for its own scopes; where its package-private
 * constructor cannot be reached (TensorFlow Java on the module path without {@code
 * org.tensorflow.op} opened), {@link #subScope} falls back to {@code Ops.withSubScope}.
 */
public final class GraphScopes {

  private static final @Nullable Constructor<Ops> OPS = opsConstructor();

  private GraphScopes() {}

  /**
   * A sub scope of {@code tf} named {@code name} whose own sub scopes are made without scanning the
   * graph. In an eager session, where TensorFlow Java does not scan, it is {@code
   * tf.withSubScope(name)}.
   */
  public static Ops subScope(Ops tf, String name) {
    Ops scoped = tf.withSubScope(name);
    if (OPS == null || !(tf.scope().env() instanceof Graph graph)) {
      return scoped;
    }
    // The scope's own name is made unique by TensorFlow Java; its prefix is the name of an op
    // that scope would create.
    String probe = scoped.scope().makeOpName("x");
    String prefix = probe.substring(0, probe.length() - 1);
    return wrap(new FastScope(scoped.scope(), graph, prefix, new HashMap<>(), null));
  }

  private static Ops wrap(Scope scope) {
    try {
      return OPS.newInstance(scope);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create TensorFlow Java's Ops", e);
    }
  }

  private static @Nullable Constructor<Ops> opsConstructor() {
    try {
      Constructor<Ops> c = Ops.class.getDeclaredConstructor(Scope.class);
      c.setAccessible(true);
      return c;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A graph scope with TensorFlow Java's naming rules ({@code prefix + unique name}) whose
   * placement, control dependencies and init flag are those of an underlying TensorFlow scope.
   */
  private static final class FastScope implements Scope {

    private final Scope inner;
    private final Graph graph;
    private final String prefix;
    private final Map<String, Integer> ids;
    private final @Nullable String opName;

    FastScope(
        Scope inner,
        Graph graph,
        String prefix,
        Map<String, Integer> ids,
        @Nullable String opName) {
      this.inner = inner;
      this.graph = graph;
      this.prefix = prefix;
      this.ids = ids;
      this.opName = opName;
    }

    private FastScope withInner(Scope newInner) {
      return new FastScope(newInner, graph, prefix, ids, opName);
    }

    @Override
    public ExecutionEnvironment env() {
      return inner.env();
    }

    @Override
    public Scope withSubScope(String childScopeName) {
      String name = opName != null ? opName : childScopeName;
      checkName(name);
      return new FastScope(inner, graph, prefix + makeUnique(name) + "/", new HashMap<>(), null);
    }

    @Override
    public Scope withName(String name) {
      checkName(name);
      return new FastScope(inner, graph, prefix, ids, name);
    }

    @Override
    public Scope withNameAsSubScope(String defaultName) {
      return withSubScope(opName != null ? opName : defaultName);
    }

    @Override
    public Scope withDevice(DeviceSpec deviceSpec) {
      return withInner(inner.withDevice(deviceSpec));
    }

    @Override
    public Scope withInitScope() {
      return withInner(inner.withInitScope());
    }

    @Override
    public Scope withControlDependencyOps(Iterable<Operation> controls) {
      return withInner(inner.withControlDependencyOps(controls));
    }

    @Override
    public synchronized String makeOpName(String defaultName) {
      String name = opName != null ? opName : defaultName;
      checkName(name);
      String full = prefix + makeUnique(name);
      // An op created through another scope may hold the name already.
      while (graph.operation(full) != null) {
        full = prefix + makeUnique(name);
      }
      return full;
    }

    @Override
    public synchronized String makeUnique(String id) {
      Integer next = ids.get(id);
      if (next == null) {
        ids.put(id, 1);
        return id;
      }
      ids.put(id, next + 1);
      return id + "_" + next;
    }

    @Override
    public void refreshNames() {
      // Names are checked against the graph as they are made.
    }

    @Override
    public OperationBuilder apply(OperationBuilder builder) {
      return inner.apply(builder);
    }

    @Override
    public String getDeviceString() {
      return inner.getDeviceString();
    }

    @Override
    public boolean isInit() {
      return inner.isInit();
    }

    private static void checkName(String name) {
      if (!Scope.isValidOpName(name)) {
        throw new IllegalArgumentException("Invalid name: '" + name + "'");
      }
    }
  }
}
