package io.keras4j.bench;

import java.util.Random;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The same random batch for both implementations: uniform inputs, one-hot targets. */
record Data(TFloat32 x, TFloat32 y) implements AutoCloseable {

  static Data of(BenchSpec spec, long seed) {
    Random r = new Random(seed);
    Shape xs = spec.inputShape().prepend(spec.batch());
    float[] x = new float[(int) xs.size()];
    for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
    float[] y = new float[spec.batch() * spec.classes()];
    for (int i = 0; i < spec.batch(); i++) y[i * spec.classes() + r.nextInt(spec.classes())] = 1f;
    return new Data(
        TFloat32.tensorOf(xs, DataBuffers.of(x)),
        TFloat32.tensorOf(Shape.of(spec.batch(), spec.classes()), DataBuffers.of(y)));
  }

  @Override
  public void close() {
    x.close();
    y.close();
  }
}
