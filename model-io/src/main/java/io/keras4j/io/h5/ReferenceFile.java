package io.keras4j.io.h5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.io.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * A reference file ({@code io.h5}): inputs, the outputs Keras computed for them, and the tolerances
 * to compare with. Groups {@code inputs} and {@code outputs} hold datasets {@code 0}, {@code 1},
 * ... in the model's input and output order; root attributes {@code rtol} and {@code atol}. The
 * input tensors are owned by this object: close it.
 */
public final class ReferenceFile implements AutoCloseable {

  /** One expected output: its shape and values. */
  public record Expected(Shape shape, float[] values) {}

  private final List<Tensor> inputs;
  private final List<Expected> outputs;
  private final @Nullable Double rtol;
  private final @Nullable Double atol;

  private ReferenceFile(
      List<Tensor> inputs, List<Expected> outputs, @Nullable Double rtol, @Nullable Double atol) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.rtol = rtol;
    this.atol = atol;
  }

  public static ReferenceFile read(Path file) {
    return read(file, "inputs");
  }

  /**
   * Reads the inputs from {@code inputGroup} (a training file's {@code x}, say) and the outputs
   * from {@code outputs} where the file has that group.
   */
  public static ReferenceFile read(Path file, String inputGroup) {
    List<Tensor> inputs = new ArrayList<>();
    try (HdfFile h5 = new HdfFile(file)) {
      H5Safety.check(h5, file);
      for (Dataset ds : datasets(h5, inputGroup, file)) {
        inputs.add(H5Tensors.read(ds, inputType(ds)));
      }
      List<Expected> outputs = new ArrayList<>();
      if (h5.getChild("outputs") != null) {
        for (Dataset ds : datasets(h5, "outputs", file)) {
          outputs.add(new Expected(H5Tensors.shape(ds), H5Tensors.toFloats(ds.getDataFlat())));
        }
      }
      return new ReferenceFile(inputs, outputs, number(h5, "rtol"), number(h5, "atol"));
    } catch (RuntimeException e) {
      inputs.forEach(Tensor::close);
      if (e instanceof ModelFileException) throw e;
      throw new ModelFileException(file, "cannot read reference data: " + e.getMessage(), e);
    }
  }

  private static Class<? extends TType> inputType(Dataset ds) {
    Class<?> t = ds.getJavaType();
    if (t == int.class || t == short.class || t == byte.class) return TInt32.class;
    if (t == long.class) return TInt64.class;
    return TFloat32.class;
  }

  private static List<Dataset> datasets(HdfFile h5, String group, Path file) {
    Node n = h5.getChild(group);
    if (!(n instanceof Group g)) {
      throw new ModelFileException(file, "has no group /" + group);
    }
    List<Dataset> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      Node child = g.getChild(Integer.toString(i));
      if (child == null) break;
      if (!(child instanceof Dataset ds)) {
        throw new ModelFileException(file, "/" + group + "/" + i + " is not a dataset");
      }
      out.add(ds);
    }
    if (out.size() != g.getChildren().size()) {
      throw new ModelFileException(
          file,
          "/" + group + " must hold datasets named 0, 1, ...; found " + g.getChildren().keySet());
    }
    return out;
  }

  private static @Nullable Double number(HdfFile h5, String name) {
    Attribute a = h5.getAttribute(name);
    if (a == null) return null;
    Object v = a.getData();
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof String s) return Double.parseDouble(s.trim());
    if (v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
      Object x = java.lang.reflect.Array.get(v, 0);
      if (x instanceof Number n) return n.doubleValue();
      if (x instanceof String s) return Double.parseDouble(s.trim());
    }
    return null;
  }

  /** The input tensors, in the model's input order. */
  public List<Tensor> inputs() {
    return inputs;
  }

  /** The outputs Keras computed, in the model's output order. */
  public List<Expected> outputs() {
    return outputs;
  }

  /** The file's relative tolerance, if it gives one. */
  public @Nullable Double rtol() {
    return rtol;
  }

  /** The file's absolute tolerance, if it gives one. */
  public @Nullable Double atol() {
    return atol;
  }

  @Override
  public void close() {
    inputs.forEach(Tensor::close);
  }
}
