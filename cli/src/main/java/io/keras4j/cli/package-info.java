/** The {@code keras4j} command line. */
@NullMarked
package io.keras4j.cli;

import org.jspecify.annotations.NullMarked;
