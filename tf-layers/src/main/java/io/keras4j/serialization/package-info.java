/**
 * Keras' JSON: the registry of Keras names, the config serializer that mirrors Keras' {@code
 * get_config} / {@code from_config}, and the errors a config can raise.
 */
@NullMarked
package io.keras4j.serialization;

import org.jspecify.annotations.NullMarked;
