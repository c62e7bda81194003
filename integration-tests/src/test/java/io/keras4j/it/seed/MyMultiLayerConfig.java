package io.keras4j.it.seed;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed article's {@code MyMultiLayer(output_dim)}. */
public record MyMultiLayerConfig(@JsonProperty("output_dim") int outputDim) {}
