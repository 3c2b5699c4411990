package io.github.microcred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON round trip of the core model against the same round trip through a plain Jackson tree, measured in the
 * same run. Report {@code modelRoundTrip / jacksonTreeRoundTrip} and {@code validate / jacksonTreeRoundTrip}
 * (the cost of strict binding and validation over parsing alone). {@link Ratios} prints them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelJsonBenchmark {

  private String json;
  private final ObjectMapper mapper = BenchJson.MAPPER;

  /**
   * Loads {@code examples/micro-credential.json}, bundled into the benchmark jar.
   *
   * @throws IOException if the resource is missing
   */
  @Setup
  public void setup() throws IOException {
    try (InputStream in = ModelJsonBenchmark.class.getResourceAsStream("/micro-credential.json")) {
      if (in == null) {
        throw new IOException("micro-credential.json is not on the class path");
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Baseline: parse to a Jackson tree and write it back.
   *
   * @return the text
   * @throws IOException never for the sample
   */
  @Benchmark
  public String jacksonTreeRoundTrip() throws IOException {
    JsonNode n = mapper.readTree(json);
    return mapper.writeValueAsString(n);
  }

  /**
   * Parse, bind strictly to {@link MicroCredential} and write back.
   *
   * @return the text
   * @throws CoreException never for the sample
   */
  @Benchmark
  public String modelRoundTrip() throws CoreException {
    MicroCredential m = MicroCredential.fromJson(json);
    return m.toJson().toPrettyString();
  }

  /**
   * Parse, bind and validate, reporting every problem.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport validate() {
    return MicroCredentialValidator.validate(json);
  }
}
