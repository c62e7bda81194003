package io.keras4j.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeArea;
import org.tensorflow.types.TFloat32;

/**
 * The registered gradient of {@code ResizeArea} is the transpose of the op's own linear map: the
 * map is read off the kernel by resizing every one-hot image, and {@code J^T r} computed from it
 * must equal the gradient of {@code sum(resize(x) * r)}, for shrinking, growing, whole and
 * fractional factors, aligned corners, and sizes known only when the graph runs.
 */
class ResizeAreaGradientTest {

  @ParameterizedTest(name = "{0}x{1} -> {2}x{3}, align_corners={4}, static shape={5}")
  @CsvSource({
    "5, 4, 3, 7, false, true",
    "8, 6, 2, 3, false, true",
    "3, 7, 7, 3, false, true",
    "4, 4, 4, 4, false, true",
    "7, 5, 3, 2, false, true",
    "5, 4, 3, 7, true, true",
    "4, 6, 2, 1, true, true",
    "3, 2, 7, 5, true, true",
    "9, 5, 4, 6, false, false",
    "9, 5, 4, 6, true, false",
  })
  void gradientIsTheTransposeOfTheKernelsMap(
      int inH, int inW, int outH, int outW, boolean alignCorners, boolean staticShape) {
    ResizeAreaGradient.register();
    int cells = inH * inW;
    int outCells = outH * outW;
    Random random = new Random(inH * 31L + outW);
    float[] r = new float[outCells];
    for (int k = 0; k < outCells; k++) r[k] = (float) random.nextGaussian();
    float[] x = new float[cells];
    for (int k = 0; k < cells; k++) x[k] = (float) random.nextGaussian();
    float[] basis = new float[cells * cells];
    for (int k = 0; k < cells; k++) basis[k * cells + k] = 1f;

    try (Graph g = new Graph();
        Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Shape known = Shape.of(-1, inH, inW, 1);
      Placeholder<TFloat32> images =
          tf.placeholder(
              TFloat32.class, Placeholder.shape(staticShape ? known : Shape.of(-1, -1, -1, 1)));
      ResizeArea.Options align = ResizeArea.alignCorners(alignCorners);
      ResizeArea resized = tf.image.resizeArea(images, tf.constant(new int[] {outH, outW}), align);
      Operand<TFloat32> weights = tf.constant(Shape.of(1, outH, outW, 1), DataBuffers.of(r));
      Operand<TFloat32> loss =
          tf.reduceSum(tf.math.mul(resized, weights), tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] grad = g.addGradients(loss.asOutput(), new Output<?>[] {images.asOutput()});

      float[] jacobian; // row k: the resized one-hot image k, (cells, outCells)
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(cells, inH, inW, 1), DataBuffers.of(basis));
          Result result = session.runner().feed(images, in).fetch(resized).run()) {
        jacobian = floats((TFloat32) result.get(0), cells * outCells);
      }
      float[] gradient;
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(1, inH, inW, 1), DataBuffers.of(x));
          Result result = session.runner().feed(images, in).fetch(grad[0]).run()) {
        gradient = floats((TFloat32) result.get(0), cells);
      }
      for (int k = 0; k < cells; k++) {
        double expected = 0;
        for (int o = 0; o < outCells; o++) expected += (double) jacobian[k * outCells + o] * r[o];
        assertEquals(expected, gradient[k], 1e-5 * (1 + Math.abs(expected)), "cell " + k);
      }
    }
  }

  private static float[] floats(TFloat32 t, int n) {
    float[] v = new float[n];
    t.asRawTensor().data().asFloats().read(v);
    return v;
  }
}
