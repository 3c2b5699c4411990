/**
 * Stacking: a requirement rule language, an exact audit of a learner's credits and an optimal pathway planner.
 */
package io.github.microcred.stacking;
