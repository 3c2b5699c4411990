/**
 * The micro-credential domain model: EU 2022 Council Recommendation Annex I elements, Oliver's critical
 * information summary, credit and conversions, levels, rubrics, awards and validation.
 */
package io.github.microcred.core;
