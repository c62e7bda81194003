package io.keras4j.models;

import io.keras4j.layers.DTypePolicy;
import io.keras4j.layers.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.layers.Shapes;
import io.keras4j.layers.TensorSpec;
import io.keras4j.layers.Weight;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/** Renders Keras' {@code model.summary()} table. */
final class Summary {

  private Summary() {}

  static String of(Model model) {
    boolean sequentialLike = model instanceof Sequential || isSequentialLike(model);
    int lineLength = sequentialLike ? 88 : 108;
    double[] positions =
        sequentialLike ? new double[] {0.45, 0.80, 1.0} : new double[] {0.3, 0.56, 0.74, 1.0};
    String[] header =
        sequentialLike
            ? new String[] {"Layer (type)", "Output Shape", "Param #"}
            : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
    boolean[] right =
        sequentialLike
            ? new boolean[] {false, false, true}
            : new boolean[] {false, false, true, false};
    int[] widths = new int[positions.length];
    int current = 0;
    for (int i = 0; i < positions.length; i++) {
      widths[i] = (int) (positions[i] * lineLength) - current;
      current += widths[i];
    }

    List<String[]> rows = new ArrayList<>();
    List<TensorSpec> seqSpecs =
        model instanceof Sequential s && s.hasInput() ? s.layerSpecs(s.inputSpecs().get(0)) : null;
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      String shape =
          seqSpecs != null ? Shapes.toKeras(seqSpecs.get(i + 1).shape()) : outputShape(model, l);
      String params =
          l.built() || !l.weights().isEmpty()
              ? String.format(Locale.ROOT, "%,d", l.countParams())
              : "0 (unbuilt)";
      String name = l.name() + " (" + l.getClass().getSimpleName() + ")";
      rows.add(
          sequentialLike
              ? new String[] {name, shape, params}
              : new String[] {name, shape, params, connections(model, l)});
    }

    StringBuilder b = new StringBuilder();
    b.append("Model: \"").append(model.name()).append("\"\n");
    b.append(border('┏', '━', '┳', '┓', widths)).append('\n');
    b.append(row('┃', header, widths, new boolean[widths.length])).append('\n');
    b.append(border('┡', '━', '╇', '┩', widths)).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) b.append(border('├', '─', '┼', '┤', widths)).append('\n');
      b.append(row('│', rows.get(i), widths, right)).append('\n');
    }
    b.append(border('└', '─', '┴', '┘', widths)).append('\n');
    List<Weight> trainable = model.trainableWeights();
    List<Weight> nonTrainable = model.nonTrainableWeights();
    b.append(total(" Total params: ", concat(trainable, nonTrainable)));
    b.append(total(" Trainable params: ", trainable));
    b.append(total(" Non-trainable params: ", nonTrainable));
    return b.toString();
  }

  private static boolean isSequentialLike(Model model) {
    if (!(model instanceof Functional f)) return false;
    for (Node n : f.nodes()) {
      if (n.inputs().size() > 1) return false;
    }
    for (Layer l : f.layers()) {
      long uses = f.nodes().stream().filter(n -> n.layer() == l).count();
      if (uses > 1) return false;
    }
    return f.inputs().size() == 1 && f.outputs().size() == 1;
  }

  private static List<Weight> concat(List<Weight> a, List<Weight> b) {
    Set<Weight> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static String outputShape(Model model, Layer l) {
    if (!(model instanceof Functional f)) return "?";
    List<String> shapes = new ArrayList<>();
    for (Node n : f.nodes()) {
      if (n.layer() != l) continue;
      shapes.clear();
      for (KerasTensor t : n.outputs()) shapes.add(Shapes.toKeras(t.shape()));
    }
    if (shapes.isEmpty()) return "?";
    return shapes.size() == 1 ? shapes.get(0) : "[" + String.join(", ", shapes) + "]";
  }

  private static String connections(Model model, Layer l) {
    if (!(model instanceof Functional f)) return "-";
    List<String> parts = new ArrayList<>();
    for (Node n : f.nodes()) {
      if (n.layer() != l) continue;
      for (KerasTensor t : n.inputs()) {
        parts.add(t.layer().name() + "[" + t.node().index() + "][" + t.index() + "]");
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String total(String label, Collection<Weight> weights) {
    long count = 0;
    double bytes = 0;
    for (Weight w : weights) {
      count += w.size();
      bytes += w.size() * (double) bytesPerScalar(w);
    }
    return label + String.format(Locale.ROOT, "%,d", count) + " (" + readable(bytes) + ")\n";
  }

  private static int bytesPerScalar(Weight w) {
    Class<?> t = w.dtype();
    if (t == TFloat64.class || t == TInt64.class) return 8;
    if (t == TFloat16.class || t == TBfloat16.class) return 2;
    if (t == TUint8.class || t == TBool.class) return 1;
    return 4;
  }

  private static String readable(double size) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    for (String unit : units) {
      if (size / 1024 < 1) return String.format(Locale.ROOT, "%.2f %s", size, unit);
      size /= 1024;
    }
    return String.format(Locale.ROOT, "%.2f %s", size, units[units.length - 1]);
  }

  private static String border(char left, char fill, char mid, char rightEdge, int[] widths) {
    StringBuilder b = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) b.append(mid);
      b.append(String.valueOf(fill).repeat(widths[i] - (i == 0 ? 2 : 1)));
    }
    return b.append(rightEdge).toString();
  }

  private static String row(char edge, String[] cells, int[] widths, boolean[] right) {
    StringBuilder b = new StringBuilder().append(edge);
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) b.append(edge);
      int w = widths[i] - (i == 0 ? 2 : 1) - 2;
      String c = cells[i].length() > w ? cells[i].substring(0, Math.max(0, w - 1)) + "…" : cells[i];
      String pad = " ".repeat(w - c.length());
      b.append(' ').append(right[i] ? pad + c : c + pad).append(' ');
    }
    return b.append(edge).toString();
  }

  static String dtypeName(TensorSpec s) {
    return DTypePolicy.kerasName(s.dtype());
  }
}
