/**
 * Typed Open Badges 3.0 and CLR 2.0 model (1EdTech), mapped to and from VC 2.0 JSON-LD. Optional properties are
 * {@link java.util.Optional} record components (never null); lists are unmodifiable and never null.
 */
package io.github.microcred.vc.ob3;
