package io.keras4j.losses;

import com.fasterxml.jackson.databind.node.TextNode;
import io.keras4j.serialization.KerasJson;
import io.keras4j.serialization.KerasRegistry;
import io.keras4j.serialization.ObjectType;
import io.keras4j.serialization.ObjectType.Category;
import io.keras4j.serialization.ReadContext;
import io.keras4j.serialization.UnknownObjectException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.tensorflow.ndarray.Shape;

/**
 * Keras' built-in losses: their registration, one line per class, and the resolution of the names
 * {@code compile} accepts ({@code keras.losses.get}).
 */
public final class Losses {

  /** Keras' {@code backend.epsilon()}: the fuzz factor of losses and metrics. */
  public static final double EPSILON = 1e-7;

  private Losses() {}

  public static void register(KerasRegistry.Builder b) {
    b.object(ObjectType.of(Category.LOSS, "BinaryCrossentropy", BinaryCrossentropy.class));
    b.object(
        ObjectType.of(Category.LOSS, "BinaryFocalCrossentropy", BinaryFocalCrossentropy.class));
    b.object(
        ObjectType.of(Category.LOSS, "CategoricalCrossentropy", CategoricalCrossentropy.class));
    b.object(
        ObjectType.of(
            Category.LOSS, "CategoricalFocalCrossentropy", CategoricalFocalCrossentropy.class));
    b.object(ObjectType.of(Category.LOSS, "CategoricalHinge", CategoricalHinge.class));
    b.object(ObjectType.of(Category.LOSS, "CosineSimilarity", CosineSimilarity.class));
    b.object(ObjectType.of(Category.LOSS, "Dice", Dice.class));
    b.object(ObjectType.of(Category.LOSS, "Hinge", Hinge.class));
    b.object(ObjectType.of(Category.LOSS, "Huber", Huber.class));
    b.object(ObjectType.of(Category.LOSS, "KLDivergence", KLDivergence.class));
    b.object(ObjectType.of(Category.LOSS, "LogCosh", LogCosh.class));
    b.object(ObjectType.of(Category.LOSS, "MeanAbsoluteError", MeanAbsoluteError.class));
    b.object(
        ObjectType.of(
            Category.LOSS, "MeanAbsolutePercentageError", MeanAbsolutePercentageError.class));
    b.object(ObjectType.of(Category.LOSS, "MeanSquaredError", MeanSquaredError.class));
    b.object(
        ObjectType.of(
            Category.LOSS, "MeanSquaredLogarithmicError", MeanSquaredLogarithmicError.class));
    b.object(ObjectType.of(Category.LOSS, "Poisson", Poisson.class));
    b.object(
        ObjectType.of(
            Category.LOSS, "SparseCategoricalCrossentropy", SparseCategoricalCrossentropy.class));
    b.object(ObjectType.of(Category.LOSS, "SquaredHinge", SquaredHinge.class));
    b.object(ObjectType.of(Category.LOSS, "Tversky", Tversky.class));
    // Loss functions and their aliases ("mse"), written back in Keras' function form.
    for (String name : LossFunction.names()) {
      LossFunction f = LossFunction.of(name);
      b.alias(name, ObjectType.of(Category.LOSS, f.function(), f.getClass()));
    }
  }

  /**
   * Keras' {@code keras.losses.get} for a name: a loss class name ({@code "MeanSquaredError"}, with
   * Keras' defaults), a loss function ({@code "mean_squared_error"}) or an alias ({@code "mse"}),
   * resolved in the built-in registry.
   *
   * @throws UnknownObjectException for a name that is no loss
   */
  public static Loss get(String identifier) {
    return get(identifier, KerasRegistry.builtins());
  }

  /** {@link #get(String)}, resolving names in {@code registry} (custom losses included). */
  public static Loss get(String identifier, KerasRegistry registry) {
    try {
      return KerasJson.mapper()
          .readerFor(Loss.class)
          .withAttribute(ReadContext.class, ReadContext.of(registry))
          .readValue(TextNode.valueOf(identifier));
    } catch (UnknownObjectException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create loss '" + identifier + "'", e);
    }
  }

  /**
   * Keras' {@code get_loss} in {@code compile}: {@link #get(String)}, except that {@code
   * "crossentropy"} and {@code "ce"} choose binary cross-entropy when predictions end in a
   * dimension of 1, sparse categorical when targets have a lower rank than predictions (or end in 1
   * while predictions do not), and categorical otherwise.
   *
   * @param yTrue the static shape of the targets
   * @param yPred the static shape of the predictions
   */
  public static Loss get(String identifier, Shape yTrue, Shape yPred) {
    String lower = identifier.toLowerCase(Locale.ROOT);
    if (!lower.equals("crossentropy") && !lower.equals("ce")) {
      return get(identifier);
    }
    long predLast = yPred.get(yPred.numDimensions() - 1);
    long trueLast = yTrue.get(yTrue.numDimensions() - 1);
    if (predLast == 1) {
      return LossFunction.of("binary_crossentropy");
    }
    boolean sparse =
        yTrue.numDimensions() < yPred.numDimensions() || (trueLast == 1 && predLast > 1);
    return LossFunction.of(sparse ? "sparse_categorical_crossentropy" : "categorical_crossentropy");
  }
}
