package io.keras4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The reference: each benchmark model written directly against TensorFlow Java 1.1.0, as an
 * experienced TensorFlow Java user would write it (resource variables, {@code addGradients}, plain
 * SGD updates), run the same way as Keras4J's (one graph, one session, feed and fetch).
 */
final class Handwritten implements BenchModel {

  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final Session session;
  private final List<Operand<?>> handles = new ArrayList<>();
  private final List<Operand<TFloat32>> reads = new ArrayList<>();
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Operand<TFloat32> probabilities;
  private final Op train;
  private final Data data;

  private Handwritten(BenchSpec spec, Data data) {
    this.data = data;
    this.x = tf.placeholder(TFloat32.class, Placeholder.shape(spec.inputShape().prepend(-1)));
    this.y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.classes())));
    Operand<TFloat32> logits =
        switch (spec.name()) {
          case "mlp" -> mlp();
          case "cnn" -> cnn();
          case "lstm" -> lstm(spec);
          default -> throw new IllegalArgumentException(spec.name());
        };
    this.probabilities = tf.nn.softmax(logits);
    // Cross-entropy on the softmax, as a Keras user writes it: mean over the batch.
    Operand<TFloat32> loss =
        tf.math.neg(
            tf.math.mean(
                tf.reduceSum(tf.math.mul(y, tf.nn.logSoftmax(logits)), tf.constant(1)),
                tf.constant(0)));
    Output<?>[] grads =
        graph.addGradients(
            loss.asOutput(), reads.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
    List<Op> updates = new ArrayList<>();
    Ops after = tf.withControlDependencies(List.of(loss));
    for (int i = 0; i < handles.size(); i++) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
      updates.add(after.assignSubVariableOp(handles.get(i), tf.math.mul(g, tf.constant(0.01f))));
    }
    this.train = tf.withControlDependencies(updates).noOp();
    this.session = new Session(graph);
    initialize();
  }

  static Handwritten of(BenchSpec spec, Data data) {
    return new Handwritten(spec, data);
  }

  private Operand<TFloat32> variable(Shape shape, float scale) {
    Operand<?> h =
        tf.varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName("v" + handles.size()));
    handles.add(h);
    Operand<TFloat32> r = tf.readVariableOp(h, TFloat32.class);
    reads.add(r);
    initValues.add(
        tf.assignVariableOp(
            h,
            tf.math.mul(
                tf.math.sub(
                    tf.random.randomUniform(tf.constant(shape), TFloat32.class), tf.constant(0.5f)),
                tf.constant(2 * scale))));
    return r;
  }

  private final List<Op> initValues = new ArrayList<>();

  private void initialize() {
    Session.Runner r = session.runner();
    initValues.forEach(r::addTarget);
    r.run().close();
  }

  private Operand<TFloat32> dense(Operand<TFloat32> in, long inDim, long units) {
    Operand<TFloat32> k =
        variable(Shape.of(inDim, units), (float) Math.sqrt(6.0 / (inDim + units)));
    Operand<TFloat32> b = variable(Shape.of(units), 0f);
    return tf.nn.biasAdd(tf.linalg.matMul(in, k), b);
  }

  private Operand<TFloat32> mlp() {
    Operand<TFloat32> h = tf.nn.relu(dense(x, 784, 512));
    h = tf.nn.relu(dense(h, 512, 512));
    return dense(h, 512, 10);
  }

  private Operand<TFloat32> conv(Operand<TFloat32> in, long inC, long outC) {
    Operand<TFloat32> k =
        variable(Shape.of(3, 3, inC, outC), (float) Math.sqrt(6.0 / ((inC + outC) * 9)));
    Operand<TFloat32> b = variable(Shape.of(outC), 0f);
    return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(in, k, List.of(1L, 1L, 1L, 1L), "VALID"), b));
  }

  private Operand<TFloat32> maxPool(Operand<TFloat32> in) {
    // The classic MaxPool op, as Keras builds it (MaxPoolV2 is slower under oneDNN).
    return tf.scope()
        .opBuilder("MaxPool", "MaxPool")
        .addInput(in.asOutput())
        .setAttr("ksize", new long[] {1, 2, 2, 1})
        .setAttr("strides", new long[] {1, 2, 2, 1})
        .setAttr("padding", "VALID")
        .build()
        .output(0);
  }

  private Operand<TFloat32> cnn() {
    Operand<TFloat32> h = maxPool(conv(x, 1, 32));
    h = maxPool(conv(h, 32, 64));
    long flat = 5 * 5 * 64;
    h = tf.reshape(h, tf.constant(new long[] {-1, flat}));
    h = tf.nn.relu(dense(h, flat, 128));
    return dense(h, 128, 10);
  }

  private Operand<TFloat32> lstm(BenchSpec spec) {
    long steps = spec.inputShape().get(0);
    long features = spec.inputShape().get(1);
    long units = 128;
    Operand<TFloat32> w =
        variable(Shape.of(features, 4 * units), (float) Math.sqrt(6.0 / (features + 4 * units)));
    Operand<TFloat32> u =
        variable(Shape.of(units, 4 * units), (float) Math.sqrt(6.0 / (5 * units)));
    Operand<TFloat32> b = variable(Shape.of(4 * units), 0f);
    // The input projection of every step at once, then the recurrence, unrolled.
    Operand<TFloat32> projected =
        tf.reshape(
            tf.nn.biasAdd(
                tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, features})), w), b),
            tf.constant(new long[] {-1, steps, 4 * units}));
    List<Output<TFloat32>> perStep =
        tf.unstack(projected, steps, org.tensorflow.op.core.Unstack.axis(1L)).output();
    Operand<TInt32> batch =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> h =
        tf.fill(
            tf.concat(List.of(batch, tf.constant(new int[] {(int) units})), tf.constant(0)),
            tf.constant(0f));
    Operand<TFloat32> c = h;
    for (int t = 0; t < steps; t++) {
      Operand<TFloat32> z = tf.math.add(perStep.get(t), tf.linalg.matMul(h, u));
      List<Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
      Operand<TFloat32> i = tf.math.sigmoid(gates.get(0));
      Operand<TFloat32> f = tf.math.sigmoid(gates.get(1));
      Operand<TFloat32> g = tf.math.tanh(gates.get(2));
      Operand<TFloat32> o = tf.math.sigmoid(gates.get(3));
      c = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, g));
      h = tf.math.mul(o, tf.math.tanh(c));
    }
    return dense(h, units, 10);
  }

  @Override
  public void predict() {
    try (Result r = session.runner().feed(x, data.x()).fetch(probabilities).run()) {
      r.get(0);
    }
  }

  @Override
  public void trainStep() {
    session.runner().feed(x, data.x()).feed(y, data.y()).addTarget(train).run().close();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
