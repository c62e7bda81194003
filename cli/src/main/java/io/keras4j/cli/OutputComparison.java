package io.keras4j.cli;

import io.keras4j.layers.Shapes;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * One output compared with Keras' reference: element-wise {@code |actual - expected| <= atol + rtol
 * * |expected|}, with the largest absolute and relative errors seen.
 *
 * @param maxRelative the largest {@code |actual - expected| / |expected|} over elements whose
 *     expected value is not zero
 */
public record OutputComparison(
    int index,
    Shape shape,
    double maxAbsolute,
    double maxRelative,
    boolean shapeMatches,
    boolean withinTolerance) {

  /** Compares {@code actual} (a float32 tensor) with the expected values. */
  public static OutputComparison of(
      int index, Tensor actual, Shape expectedShape, float[] expected, double rtol, double atol) {
    if (!(actual instanceof TFloat32 t) || !actual.shape().equals(expectedShape)) {
      return new OutputComparison(index, actual.shape(), Double.NaN, Double.NaN, false, false);
    }
    FloatDataBuffer data = t.asRawTensor().data().asFloats();
    double maxAbs = 0;
    double maxRel = 0;
    boolean ok = true;
    for (int i = 0; i < expected.length; i++) {
      double want = expected[i];
      double got = data.getFloat(i);
      double err = Math.abs(got - want);
      if (Double.isNaN(got) != Double.isNaN(want)) {
        err = Double.POSITIVE_INFINITY;
      } else if (Double.isNaN(got)) {
        err = 0;
      }
      maxAbs = Math.max(maxAbs, err);
      if (want != 0) maxRel = Math.max(maxRel, err / Math.abs(want));
      if (!(err <= atol + rtol * Math.abs(want))) ok = false;
    }
    return new OutputComparison(index, expectedShape, maxAbs, maxRel, true, ok);
  }

  /** One line: index, shape, largest errors, verdict. */
  public String describe() {
    if (!shapeMatches) {
      return String.format(
          java.util.Locale.ROOT,
          "output %d: shape %s does not match the reference",
          index,
          Shapes.toKeras(shape));
    }
    return String.format(
        java.util.Locale.ROOT,
        "output %d: shape %s max_abs_err %.3e max_rel_err %.3e %s",
        index,
        Shapes.toKeras(shape),
        maxAbsolute,
        maxRelative,
        withinTolerance ? "within tolerance" : "OUT OF TOLERANCE");
  }
}
