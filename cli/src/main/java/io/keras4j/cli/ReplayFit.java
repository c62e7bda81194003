package io.keras4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import io.keras4j.io.ModelReader;
import io.keras4j.io.h5.H5Attributes;
import io.keras4j.io.h5.H5Safety;
import io.keras4j.io.h5.H5Tensors;
import io.keras4j.layers.Weight;
import io.keras4j.models.Model;
import io.keras4j.serialization.KerasJson;
import io.keras4j.training.FitOptions;
import io.keras4j.training.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Replays a Keras {@code fit} recorded in a training fixture ({@code train.h5}: data, fit
 * arguments, History, predictions after training; {@code trained.keras}: the weights after) and
 * compares every quantity with Keras' within the file's tolerances.
 */
public final class ReplayFit {

  /** One compared quantity: its name, largest absolute error and whether it is within tolerance. */
  public record Comparison(String quantity, double maxAbsolute, boolean withinTolerance) {
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s: max_abs_err %.3e %s",
          quantity,
          maxAbsolute,
          withinTolerance ? "within tolerance" : "OUT OF TOLERANCE");
    }
  }

  /** What {@code train.h5} holds. */
  private record Recording(
      List<Tensor> x,
      List<Tensor> y,
      float @Nullable [] sampleWeight,
      @Nullable Map<Integer, Double> classWeight,
      double validationSplit,
      int batchSize,
      int epochs,
      double rtol,
      double atol,
      Map<String, double[]> history,
      List<float[]> after)
      implements AutoCloseable {
    @Override
    public void close() {
      x.forEach(Tensor::close);
      y.forEach(Tensor::close);
    }
  }

  private ReplayFit() {}

  /**
   * Loads {@code modelFile} (compiled), fits it as the recording did from {@code initialEpoch}, and
   * compares predictions, History and weights (with {@code trained}, when it exists).
   */
  public static List<Comparison> replay(
      ModelReader reader, Path modelFile, Path trainH5, int initialEpoch, @Nullable Path trained)
      throws IOException {
    List<Comparison> out = new ArrayList<>();
    try (Recording rec = read(trainH5);
        Model model = reader.read(modelFile)) {
      if (!model.compiled()) {
        throw new ModelFileException(
            modelFile, "is not compiled (its compile_config is missing or cannot be resolved)");
      }
      FitOptions.Builder fit =
          FitOptions.builder()
              .batchSize(rec.batchSize())
              .epochs(rec.epochs())
              .initialEpoch(initialEpoch)
              .shuffle(false)
              .verbose(0)
              .validationSplit(rec.validationSplit());
      if (rec.sampleWeight() != null) fit.sampleWeight(rec.sampleWeight());
      if (rec.classWeight() != null) fit.classWeight(rec.classWeight());
      History history = model.fit(rec.x(), rec.y(), fit.build());
      double rtol = rec.rtol();
      double atol = rec.atol();
      try (Result r = model.predict(rec.x())) {
        for (int i = 0; i < r.size(); i++) {
          out.add(compare("after/" + i, floats(r.get(i)), rec.after().get(i), rtol, atol));
        }
      }
      for (Map.Entry<String, double[]> h : rec.history().entrySet()) {
        double[] want = h.getValue();
        List<Double> got = history.history().get(h.getKey());
        if (got == null) {
          out.add(new Comparison("history/" + h.getKey() + " (missing)", Double.NaN, false));
          continue;
        }
        float[] w = new float[want.length - initialEpoch];
        float[] g = new float[w.length];
        for (int e = 0; e < w.length; e++) {
          w[e] = (float) want[e + initialEpoch];
          g[e] = e < got.size() ? got.get(e).floatValue() : Float.NaN;
        }
        out.add(compare("history/" + h.getKey(), g, w, rtol, atol));
      }
      if (trained != null && Files.isRegularFile(trained)) {
        out.addAll(compareWeights(reader, model, trained, rtol, atol));
      }
    }
    return out;
  }

  private static List<Comparison> compareWeights(
      ModelReader reader, Model model, Path trained, double rtol, double atol) throws IOException {
    List<Comparison> out = new ArrayList<>();
    try (Model expected = reader.read(trained)) {
      List<Weight> mine = model.weights();
      List<Weight> theirs = expected.weights();
      double worst = 0;
      boolean ok = mine.size() == theirs.size();
      for (int i = 0; ok && i < mine.size(); i++) {
        Comparison c = compareWeight(model, mine.get(i), expected, theirs.get(i), rtol, atol);
        worst = Math.max(worst, c.maxAbsolute());
        ok &= c.withinTolerance();
      }
      out.add(new Comparison("weights (" + mine.size() + ")", worst, ok));
      List<Weight> mineOpt = model.optimizerVariables();
      List<Weight> theirsOpt = expected.optimizerVariables();
      if (!theirsOpt.isEmpty()) {
        worst = 0;
        ok = mineOpt.size() == theirsOpt.size();
        for (int i = 0; ok && i < mineOpt.size(); i++) {
          Comparison c =
              compareWeight(model, mineOpt.get(i), expected, theirsOpt.get(i), rtol, atol);
          worst = Math.max(worst, c.maxAbsolute());
          ok &= c.withinTolerance();
        }
        out.add(new Comparison("optimizer variables (" + theirsOpt.size() + ")", worst, ok));
      }
    }
    return out;
  }

  private static Comparison compareWeight(
      Model model, Weight w, Model expected, Weight e, double rtol, double atol) {
    try (Tensor a = model.readWeight(w);
        Tensor b = expected.readWeight(e)) {
      return compare(
          w.path(),
          H5Tensors.toFloats(io.keras4j.internal.JavaArrays.flat(a)),
          H5Tensors.toFloats(io.keras4j.internal.JavaArrays.flat(b)),
          rtol,
          atol);
    }
  }

  private static float[] floats(Tensor t) {
    return H5Tensors.toFloats(io.keras4j.internal.JavaArrays.flat(t));
  }

  static Comparison compare(String what, float[] got, float[] want, double rtol, double atol) {
    if (got.length != want.length) {
      return new Comparison(
          what + " (size " + got.length + " vs " + want.length + ")", Double.NaN, false);
    }
    double worst = 0;
    boolean ok = true;
    for (int i = 0; i < got.length; i++) {
      double err = Math.abs((double) got[i] - want[i]);
      if (Double.isNaN(err)) err = Double.POSITIVE_INFINITY;
      worst = Math.max(worst, err);
      ok &= err <= atol + rtol * Math.abs(want[i]);
    }
    return new Comparison(what, worst, ok);
  }

  private static Recording read(Path file) {
    try (HdfFile h5 = new HdfFile(file)) {
      H5Safety.check(h5, file);
      List<Tensor> x = new ArrayList<>();
      List<Tensor> y = new ArrayList<>();
      for (Dataset ds : numbered(h5, "x")) x.add(H5Tensors.read(ds, inputType(ds)));
      for (Dataset ds : numbered(h5, "y")) y.add(H5Tensors.read(ds, inputType(ds)));
      List<float[]> after = new ArrayList<>();
      for (Dataset ds : numbered(h5, "after")) after.add(H5Tensors.toFloats(ds.getDataFlat()));
      Map<String, double[]> history = new java.util.TreeMap<>();
      if (h5.getChild("history") instanceof Group g) {
        for (Node n : g.getChildren().values()) {
          if (n instanceof Dataset ds)
            history.put(n.getName(), H5Tensors.toDoubles(ds.getDataFlat()));
        }
      }
      float[] sw = null;
      if (h5.getChild("sample_weight") instanceof Dataset ds)
        sw = H5Tensors.toFloats(ds.getDataFlat());
      Map<Integer, Double> cw = null;
      String cwJson = H5Attributes.string(h5, "class_weight");
      if (cwJson != null) {
        JsonNode n = KerasJson.mapper().readTree(cwJson);
        cw = new HashMap<>();
        for (var it = n.fields(); it.hasNext(); ) {
          var e = it.next();
          cw.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
        }
      }
      return new Recording(
          x,
          y,
          sw,
          cw,
          number(h5, "validation_split", 0),
          (int) number(h5, "batch_size", 32),
          (int) number(h5, "epochs", 1),
          number(h5, "rtol", 1e-4),
          number(h5, "atol", 1e-5),
          history,
          after);
    } catch (IOException e) {
      throw new ModelFileException(file, "cannot read the training record: " + e.getMessage(), e);
    }
  }

  private static Class<? extends org.tensorflow.types.family.TType> inputType(Dataset ds) {
    Class<?> t = ds.getJavaType();
    if (t == int.class || t == long.class || t == short.class || t == byte.class) {
      return org.tensorflow.types.TInt32.class;
    }
    return TFloat32.class;
  }

  private static List<Dataset> numbered(HdfFile h5, String group) {
    List<Dataset> out = new ArrayList<>();
    if (!(h5.getChild(group) instanceof Group g)) return out;
    for (int i = 0; g.getChild(Integer.toString(i)) instanceof Dataset ds; i++) out.add(ds);
    return out;
  }

  private static double number(HdfFile h5, String name, double fallback) {
    String v = H5Attributes.string(h5, name);
    if (v != null) return Double.parseDouble(v.trim());
    var a = h5.getAttribute(name);
    if (a == null) return fallback;
    Object d = a.getData();
    if (d instanceof Number n) return n.doubleValue();
    if (d.getClass().isArray() && java.lang.reflect.Array.getLength(d) > 0) {
      return ((Number) java.lang.reflect.Array.get(d, 0)).doubleValue();
    }
    return fallback;
  }
}
