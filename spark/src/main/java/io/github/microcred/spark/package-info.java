/**
 * Bulk micro-credential work on Apache Spark: stacking audits as Dataset functions whose rows equal the in-process
 * engine's results. The front door is {@link io.github.microcred.spark.SparkStacking}.
 */
package io.github.microcred.spark;
