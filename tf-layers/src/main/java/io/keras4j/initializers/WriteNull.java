package io.keras4j.initializers;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.NullSerializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Writes a {@code null} config value as JSON {@code null}, as Keras writes {@code "seed": null}.
 *
 * <p>Jackson writes nulls on its own only through a resolved bean serializer, and {@code
 * KerasJson}'s envelope serializer does not resolve the serializer it wraps, so without this a null
 * component would be left out of the config.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(nullsUsing = NullSerializer.class)
@interface WriteNull {}
