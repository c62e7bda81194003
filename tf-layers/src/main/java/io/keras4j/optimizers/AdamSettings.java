package io.keras4j.optimizers;

/** The keys of Adam's update rule, shared by {@link AdamConfig} and {@link AdamWConfig}. */
interface AdamSettings {

  double beta1();

  double beta2();

  double epsilon();

  boolean amsgrad();
}
