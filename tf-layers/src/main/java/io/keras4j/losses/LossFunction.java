package io.keras4j.losses;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A Keras loss function given by name, such as {@code keras.losses.mean_squared_error}: what {@code
 * compile(loss="mse")} uses, and what Keras writes as {@code {"module": "builtins", "class_name":
 * "function", "config": "mean_squared_error", "registered_name": "function"}}.
 *
 * <p>A function computes what its class does with Keras' defaults ({@code mean_squared_error} is
 * {@code new MeanSquaredError()}, reduced over the batch), and it is written back in the function
 * form under its own name, whichever alias it was read by ({@code "mse"} is written {@code
 * "mean_squared_error"}, as Keras does).
 *
 * <pre>{@code
 * Loss mse = LossFunction.of("mse");
 * Operand<TFloat32> value = mse.apply(tf, yTrue, yPred, null);
 * }</pre>
 *
 * <p>Each function is a subclass with a public no-arg constructor because the serializer creates a
 * loss it reads by name through its registered class's no-arg constructor.
 */
@JsonSerialize(using = LossFunction.FunctionSerializer.class)
public abstract sealed class LossFunction implements Loss {

  // Keras' losses.ALL_OBJECTS_DICT: its functions and their aliases.
  private static final Map<String, Supplier<LossFunction>> FUNCTIONS = functions();

  private final String function;
  private final Loss loss;

  private LossFunction(String function, Loss loss) {
    this.function = function;
    this.loss = loss;
  }

  /**
   * The function Keras resolves {@code name} to: a function name ({@code "mean_squared_error"}) or
   * an alias ({@code "mse"}, {@code "MSE"}, {@code "bce"}, {@code "kld"}, ...).
   *
   * @throws IllegalArgumentException for a name that is no Keras loss function
   */
  public static LossFunction of(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Could not interpret loss function identifier: "
                        + name
                        + "; known: "
                        + FUNCTIONS.keySet()));
  }

  /** The function Keras resolves {@code name} to, if it names one. */
  public static Optional<LossFunction> find(String name) {
    Supplier<LossFunction> f = FUNCTIONS.get(name);
    return f == null ? Optional.empty() : Optional.of(f.get());
  }

  /** Every name {@link #of} accepts, sorted. */
  public static Set<String> names() {
    return FUNCTIONS.keySet();
  }

  /** The function's own name, such as {@code mean_squared_error}. */
  public String function() {
    return function;
  }

  /** The loss class instance, with Keras' defaults, that computes the same values. */
  public Loss asLoss() {
    return loss;
  }

  /** Keras names the wrapper of a loss function after the function. */
  @Override
  public String name() {
    return function;
  }

  @Override
  public @Nullable String reduction() {
    return loss.reduction();
  }

  @Override
  public <T extends TFloating> Operand<T> call(Ops tf, Operand<?> yTrue, Operand<T> yPred) {
    return loss.call(tf, yTrue, yPred);
  }

  @Override
  public <T extends TFloating> Operand<T> apply(
      Ops tf, Operand<?> yTrue, Operand<T> yPred, @Nullable Operand<T> sampleWeight) {
    return loss.apply(tf, yTrue, yPred, sampleWeight);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return function.hashCode();
  }

  @Override
  public String toString() {
    return "LossFunction[" + function + "]";
  }

  private static Map<String, Supplier<LossFunction>> functions() {
    Map<String, Supplier<LossFunction>> m = new TreeMap<>();
    m.put("binary_crossentropy", BinaryCrossentropyFunction::new);
    m.put("binary_focal_crossentropy", BinaryFocalCrossentropyFunction::new);
    m.put("categorical_crossentropy", CategoricalCrossentropyFunction::new);
    m.put("categorical_focal_crossentropy", CategoricalFocalCrossentropyFunction::new);
    m.put("categorical_hinge", CategoricalHingeFunction::new);
    m.put("cosine_similarity", CosineSimilarityFunction::new);
    m.put("dice", DiceFunction::new);
    m.put("hinge", HingeFunction::new);
    m.put("huber", HuberFunction::new);
    m.put("kl_divergence", KLDivergenceFunction::new);
    m.put("log_cosh", LogCoshFunction::new);
    m.put("mean_absolute_error", MeanAbsoluteErrorFunction::new);
    m.put("mean_absolute_percentage_error", MeanAbsolutePercentageErrorFunction::new);
    m.put("mean_squared_error", MeanSquaredErrorFunction::new);
    m.put("mean_squared_logarithmic_error", MeanSquaredLogarithmicErrorFunction::new);
    m.put("poisson", PoissonFunction::new);
    m.put("sparse_categorical_crossentropy", SparseCategoricalCrossentropyFunction::new);
    m.put("squared_hinge", SquaredHingeFunction::new);
    m.put("tversky", TverskyFunction::new);
    for (String alias : new String[] {"bce", "BCE"}) m.put(alias, m.get("binary_crossentropy"));
    for (String alias : new String[] {"kld", "KLD"}) m.put(alias, m.get("kl_divergence"));
    for (String alias : new String[] {"mae", "MAE"}) m.put(alias, m.get("mean_absolute_error"));
    for (String alias : new String[] {"mse", "MSE"}) m.put(alias, m.get("mean_squared_error"));
    for (String alias : new String[] {"mape", "MAPE"}) {
      m.put(alias, m.get("mean_absolute_percentage_error"));
    }
    for (String alias : new String[] {"msle", "MSLE"}) {
      m.put(alias, m.get("mean_squared_logarithmic_error"));
    }
    return Collections.unmodifiableMap(m);
  }

  /** Writes Keras' function form. */
  static final class FunctionSerializer extends JsonSerializer<LossFunction> {
    @Override
    public void serialize(LossFunction value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("module", "builtins");
      gen.writeStringField("class_name", "function");
      gen.writeStringField("config", value.function());
      gen.writeStringField("registered_name", "function");
      gen.writeEndObject();
    }
  }

  /** {@code keras.losses.binary_crossentropy}. */
  public static final class BinaryCrossentropyFunction extends LossFunction {
    public BinaryCrossentropyFunction() {
      super("binary_crossentropy", new BinaryCrossentropy());
    }
  }

  /** {@code keras.losses.binary_focal_crossentropy}. */
  public static final class BinaryFocalCrossentropyFunction extends LossFunction {
    public BinaryFocalCrossentropyFunction() {
      super("binary_focal_crossentropy", new BinaryFocalCrossentropy());
    }
  }

  /** {@code keras.losses.categorical_crossentropy}. */
  public static final class CategoricalCrossentropyFunction extends LossFunction {
    public CategoricalCrossentropyFunction() {
      super("categorical_crossentropy", new CategoricalCrossentropy());
    }
  }

  /** {@code keras.losses.categorical_focal_crossentropy}. */
  public static final class CategoricalFocalCrossentropyFunction extends LossFunction {
    public CategoricalFocalCrossentropyFunction() {
      super("categorical_focal_crossentropy", new CategoricalFocalCrossentropy());
    }
  }

  /** {@code keras.losses.categorical_hinge}. */
  public static final class CategoricalHingeFunction extends LossFunction {
    public CategoricalHingeFunction() {
      super("categorical_hinge", new CategoricalHinge());
    }
  }

  /** {@code keras.losses.cosine_similarity}. */
  public static final class CosineSimilarityFunction extends LossFunction {
    public CosineSimilarityFunction() {
      super("cosine_similarity", new CosineSimilarity());
    }
  }

  /** {@code keras.losses.hinge}. */
  public static final class HingeFunction extends LossFunction {
    public HingeFunction() {
      super("hinge", new Hinge());
    }
  }

  /** {@code keras.losses.huber}. */
  public static final class HuberFunction extends LossFunction {
    public HuberFunction() {
      super("huber", new Huber());
    }
  }

  /** {@code keras.losses.kl_divergence}. */
  public static final class KLDivergenceFunction extends LossFunction {
    public KLDivergenceFunction() {
      super("kl_divergence", new KLDivergence());
    }
  }

  /** {@code keras.losses.log_cosh}. */
  public static final class LogCoshFunction extends LossFunction {
    public LogCoshFunction() {
      super("log_cosh", new LogCosh());
    }
  }

  /** {@code keras.losses.mean_absolute_error}. */
  public static final class MeanAbsoluteErrorFunction extends LossFunction {
    public MeanAbsoluteErrorFunction() {
      super("mean_absolute_error", new MeanAbsoluteError());
    }
  }

  /** {@code keras.losses.mean_absolute_percentage_error}. */
  public static final class MeanAbsolutePercentageErrorFunction extends LossFunction {
    public MeanAbsolutePercentageErrorFunction() {
      super("mean_absolute_percentage_error", new MeanAbsolutePercentageError());
    }
  }

  /** {@code keras.losses.mean_squared_error}. */
  public static final class MeanSquaredErrorFunction extends LossFunction {
    public MeanSquaredErrorFunction() {
      super("mean_squared_error", new MeanSquaredError());
    }
  }

  /** {@code keras.losses.mean_squared_logarithmic_error}. */
  public static final class MeanSquaredLogarithmicErrorFunction extends LossFunction {
    public MeanSquaredLogarithmicErrorFunction() {
      super("mean_squared_logarithmic_error", new MeanSquaredLogarithmicError());
    }
  }

  /** {@code keras.losses.poisson}. */
  public static final class PoissonFunction extends LossFunction {
    public PoissonFunction() {
      super("poisson", new Poisson());
    }
  }

  /** {@code keras.losses.sparse_categorical_crossentropy}. */
  public static final class SparseCategoricalCrossentropyFunction extends LossFunction {
    public SparseCategoricalCrossentropyFunction() {
      super("sparse_categorical_crossentropy", new SparseCategoricalCrossentropy());
    }
  }

  /** {@code keras.losses.squared_hinge}. */
  public static final class SquaredHingeFunction extends LossFunction {
    public SquaredHingeFunction() {
      super("squared_hinge", new SquaredHinge());
    }
  }

  /** {@code keras.losses.dice}. */
  public static final class DiceFunction extends LossFunction {
    public DiceFunction() {
      super("dice", new Dice());
    }
  }

  /** {@code keras.losses.tversky}. */
  public static final class TverskyFunction extends LossFunction {
    public TverskyFunction() {
      super("tversky", new Tversky());
    }
  }
}
