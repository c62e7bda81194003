package io.keras4j.it.seed;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed article's {@code MyLayer(output_dim)}. */
public record MyLayerConfig(@JsonProperty("output_dim") int outputDim) {}
