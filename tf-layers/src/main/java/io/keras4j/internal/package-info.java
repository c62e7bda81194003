/** Implementation details shared by the packages of this module; not part of the API. */
@NullMarked
package io.keras4j.internal;

import org.jspecify.annotations.NullMarked;
