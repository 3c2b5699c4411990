package io.github.microcred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The bench module's one Jackson mapper: Jackson's defaults, because the plain-tree round trips of
 * {@code ModelJsonBenchmark} and {@code CtdlBenchmark} are the baseline the library's strict readers are measured
 * against, and every other input here is a fixture of our own.
 */
final class BenchJson {
  /** The mapper (thread-safe, never reconfigured). */
  static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private BenchJson() {}
}
