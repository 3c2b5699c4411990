package io.github.microcred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.ctdl.Ctdl;
import io.github.microcred.ctdl.CtdlGraph;
import io.github.microcred.ctdl.CtdlReport;
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
 * CTDL export and offline validation of a typical micro-credential (the bundled
 * {@code micro-credential.json}), against a same-run baseline that only parses and re-serialises the exported
 * graph with Jackson. Report {@code exportAndValidate / jacksonGraphRoundTrip}; {@link Ratios} prints it. The
 * absolute throughput (operations per second) is in the JMH output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CtdlBenchmark {

  private final ObjectMapper mapper = BenchJson.MAPPER;
  private MicroCredential microCredential;
  private String graphJson;

  /**
   * Loads and binds the sample, and exports it once for the baseline and the validation-only benchmark.
   *
   * @throws IOException if the resource is missing
   * @throws CoreException if the sample is not a valid micro-credential
   */
  @Setup
  public void setup() throws IOException, CoreException {
    try (InputStream in = CtdlBenchmark.class.getResourceAsStream("/micro-credential.json")) {
      if (in == null) {
        throw new IOException("micro-credential.json is not on the class path");
      }
      microCredential = MicroCredential.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    graphJson = Ctdl.export(microCredential).toJson().toPrettyString();
  }

  /**
   * Baseline: parse the exported graph to a Jackson tree and write it back.
   *
   * @return the text
   * @throws IOException never for the sample
   */
  @Benchmark
  public String jacksonGraphRoundTrip() throws IOException {
    JsonNode n = mapper.readTree(graphJson);
    return mapper.writeValueAsString(n);
  }

  /**
   * Export to a CTDL graph and serialise it.
   *
   * @return the graph text
   */
  @Benchmark
  public String export() {
    return Ctdl.export(microCredential).toJson().toPrettyString();
  }

  /**
   * Parse and validate the graph text offline (schema and minimum-data policy).
   *
   * @return the report
   */
  @Benchmark
  public CtdlReport validate() {
    return Ctdl.validate(graphJson);
  }

  /**
   * Export and validate: the publishing path of {@code mcred ctdl export} followed by {@code validate}.
   *
   * @return the report
   */
  @Benchmark
  public CtdlReport exportAndValidate() {
    CtdlGraph g = Ctdl.export(microCredential);
    return g.validate();
  }
}
