/** JMH benchmarks. Each reports a ratio against a baseline measured in the same run. */
package io.github.microcred.bench;
