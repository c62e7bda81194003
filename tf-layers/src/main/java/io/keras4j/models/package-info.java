/**
 * Models: functional and sequential graphs of layers, compiled into a TensorFlow graph and session
 * each model owns; prediction, training and evaluation.
 */
@NullMarked
package io.keras4j.models;

import org.jspecify.annotations.NullMarked;
