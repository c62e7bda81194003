package io.keras4j.layers;

import java.util.Locale;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * The dtypes a layer computes in and stores its weights in: Keras' {@code DTypePolicy}.
 *
 * <p>{@code "float32"} computes and stores in float32; {@code "mixed_float16"} and {@code
 * "mixed_bfloat16"} compute in half precision and keep float32 weights.
 *
 * <pre>{@code
 * DTypePolicy policy = DTypePolicy.of("mixed_float16");
 * policy.computeDtype();   // TFloat16.class
 * policy.variableDtype();  // TFloat32.class
 * }</pre>
 */
public record DTypePolicy(String name) {

  /** The default policy, {@code float32}. */
  public static final DTypePolicy FLOAT32 = new DTypePolicy("float32");

  public DTypePolicy {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("DTypePolicy name must not be empty");
    }
    computeName(name); // validates
  }

  public static DTypePolicy of(String name) {
    return "float32".equals(name) ? FLOAT32 : new DTypePolicy(name);
  }

  /** The dtype of the layer's computations. */
  public Class<? extends TType> computeDtype() {
    return dtype(computeName(name));
  }

  /** The dtype of the layer's weights. */
  public Class<? extends TType> variableDtype() {
    return name.startsWith("mixed_") ? TFloat32.class : computeDtype();
  }

  private static String computeName(String name) {
    return switch (name) {
      case "mixed_float16" -> "float16";
      case "mixed_bfloat16" -> "bfloat16";
      default -> {
        dtype(name);
        yield name;
      }
    };
  }

  /**
   * The TensorFlow type of a Keras dtype name ({@code "float32"}, {@code "int32"}, ...).
   *
   * @throws IllegalArgumentException for a name Keras4J does not support
   */
  public static Class<? extends TType> dtype(String kerasName) {
    return switch (kerasName.toLowerCase(Locale.ROOT)) {
      case "float32" -> TFloat32.class;
      case "float64" -> TFloat64.class;
      case "float16" -> TFloat16.class;
      case "bfloat16" -> TBfloat16.class;
      case "int32" -> TInt32.class;
      case "int64" -> TInt64.class;
      case "uint8" -> TUint8.class;
      case "bool" -> TBool.class;
      case "string" -> TString.class;
      default ->
          throw new IllegalArgumentException(
              "Unsupported dtype '"
                  + kerasName
                  + "'; expected one of float32, float64, float16, bfloat16, int32, int64,"
                  + " uint8, bool, string");
    };
  }

  /** The Keras name of a TensorFlow type, the inverse of {@link #dtype(String)}. */
  public static String kerasName(Class<? extends TType> type) {
    if (type == TFloat32.class) return "float32";
    if (type == TFloat64.class) return "float64";
    if (type == TFloat16.class) return "float16";
    if (type == TBfloat16.class) return "bfloat16";
    if (type == TInt32.class) return "int32";
    if (type == TInt64.class) return "int64";
    if (type == TUint8.class) return "uint8";
    if (type == TBool.class) return "bool";
    if (type == TString.class) return "string";
    throw new IllegalArgumentException("No Keras dtype for " + type.getSimpleName());
  }
}
