package io.keras4j.optimizers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keras4j.internal.Naming;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The keys every Keras 3 optimizer config carries, in Keras' order: {@code name, learning_rate,
 * weight_decay, clipnorm, global_clipnorm, clipvalue, use_ema, ema_momentum,
 * ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps}. Each optimizer's config
 * record (such as {@link SGDConfig}) has these components followed by its own.
 *
 * <p>{@code use_ema}, {@code loss_scale_factor} and {@code gradient_accumulation_steps} are kept
 * and written back, but an optimizer that uses them refuses to build: Keras4J does not implement
 * them, and training without them would silently differ from Keras.
 */
public interface OptimizerConfig {

  /** The optimizer's name, which scopes its variables' paths ({@code adam/iteration}). */
  String name();

  LearningRate learningRate();

  /** Decoupled weight decay: each step multiplies a weight by {@code 1 - weight_decay * lr}. */
  @Nullable Double weightDecay();

  /** Clips each gradient to this L2 norm. */
  @Nullable Double clipnorm();

  /** Clips all gradients together to this global L2 norm. */
  @Nullable Double globalClipnorm();

  /** Clips each gradient element to {@code [-clipvalue, clipvalue]}. */
  @Nullable Double clipvalue();

  boolean useEma();

  double emaMomentum();

  @Nullable Integer emaOverwriteFrequency();

  @Nullable Double lossScaleFactor();

  @Nullable Integer gradientAccumulationSteps();

  /**
   * Setters of the shared keys with Keras' defaults, for the builders of optimizer configs (which
   * Jackson also deserializes through).
   *
   * @param <B> the concrete builder, returned by every setter
   */
  abstract class Builder<B extends Builder<B>> {
    protected @Nullable String name;
    protected LearningRate learningRate;
    protected @Nullable Double weightDecay;
    protected @Nullable Double clipnorm;
    protected @Nullable Double globalClipnorm;
    protected @Nullable Double clipvalue;
    protected boolean useEma = false;
    protected double emaMomentum = 0.99;
    protected @Nullable Integer emaOverwriteFrequency;
    protected @Nullable Double lossScaleFactor;
    protected @Nullable Integer gradientAccumulationSteps;

    /**
     * @param learningRate the optimizer's default learning rate
     */
    protected Builder(double learningRate) {
      this.learningRate = LearningRate.of(learningRate);
    }

    protected abstract B self();

    /** {@code null}, as Keras' {@code name=None}, takes an automatic name when built. */
    @JsonProperty("name")
    public B name(@Nullable String name) {
      this.name = name;
      return self();
    }

    @JsonProperty("learning_rate")
    public B learningRate(LearningRate learningRate) {
      this.learningRate = Objects.requireNonNull(learningRate, "learning_rate");
      return self();
    }

    @JsonIgnore
    public B learningRate(double learningRate) {
      return learningRate(LearningRate.of(learningRate));
    }

    @JsonIgnore
    public B learningRate(LearningRateSchedule schedule) {
      return learningRate(LearningRate.of(schedule));
    }

    @JsonProperty("weight_decay")
    public B weightDecay(@Nullable Double weightDecay) {
      this.weightDecay = weightDecay;
      return self();
    }

    @JsonProperty("clipnorm")
    public B clipnorm(@Nullable Double clipnorm) {
      this.clipnorm = clipnorm;
      return self();
    }

    @JsonProperty("global_clipnorm")
    public B globalClipnorm(@Nullable Double globalClipnorm) {
      this.globalClipnorm = globalClipnorm;
      return self();
    }

    @JsonProperty("clipvalue")
    public B clipvalue(@Nullable Double clipvalue) {
      this.clipvalue = clipvalue;
      return self();
    }

    @JsonProperty("use_ema")
    public B useEma(boolean useEma) {
      this.useEma = useEma;
      return self();
    }

    @JsonProperty("ema_momentum")
    public B emaMomentum(double emaMomentum) {
      this.emaMomentum = emaMomentum;
      return self();
    }

    @JsonProperty("ema_overwrite_frequency")
    public B emaOverwriteFrequency(@Nullable Integer emaOverwriteFrequency) {
      this.emaOverwriteFrequency = emaOverwriteFrequency;
      return self();
    }

    @JsonProperty("loss_scale_factor")
    public B lossScaleFactor(@Nullable Double lossScaleFactor) {
      this.lossScaleFactor = lossScaleFactor;
      return self();
    }

    @JsonProperty("gradient_accumulation_steps")
    public B gradientAccumulationSteps(@Nullable Integer gradientAccumulationSteps) {
      this.gradientAccumulationSteps = gradientAccumulationSteps;
      return self();
    }

    /**
     * The name that was set, or Keras' automatic one for the class ({@code sgd}, {@code sgd_1},
     * {@code rm_sprop}, ...).
     */
    @JsonIgnore
    protected String nameOrAuto(String className) {
      return name != null ? name : Naming.uniqueLayerName(className);
    }
  }
}
