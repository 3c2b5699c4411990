/**
 * Bulk micro-credential work on Apache Spark: stacking audits, completion plans and credential verification as
 * Dataset functions whose rows equal the in-process engine's results, and a {@code spark-submit} job
 * ({@link io.github.microcred.spark.BulkJob}). The front doors are {@link io.github.microcred.spark.SparkStacking}
 * and {@link io.github.microcred.spark.SparkCredentials}.
 */
package io.github.microcred.spark;
