package io.github.microcred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.Credentials;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost curve of issue 11: Data Integrity {@code sign} and {@code verify} of an Open Badges 3.0 credential whose
 * achievement carries 10², 10³, 10⁴ or 10⁵ {@code tag} strings (10⁵ is about 1.6 MB), against
 * {@code baselineParse}, a strict parse of the same signed document in the same run. Linear work shows as a time per
 * item that stays flat from 10² to 10⁵, and a ratio to the (linear) parse that stays flat too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LinearCostBenchmark {
  /** The number of {@code tag} values. */
  @Param({"100", "1000", "10000", "100000"})
  public int items;

  private KeyPair key;
  private String unsigned;
  private byte[] signed;
  private Clock clock;

  /**
   * Builds and signs the credential.
   *
   * @throws Exception if setup fails
   */
  @Setup
  public void setup() throws Exception {
    key = KeyPair.generate(KeyType.ED25519);
    clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    ObjectMapper m = BenchJson.MAPPER;
    ObjectNode c = (ObjectNode) m.readTree("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
        + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
        + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
        + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
        + "\"issuer\":{\"id\":\"" + key.publicKey().didKey() + "\",\"type\":[\"Profile\"],\"name\":\"Example U\"},"
        + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Teamwork Badge\","
        + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"AchievementSubject\"],"
        + "\"achievement\":{\"id\":\"https://example.edu/achievements/1\",\"type\":[\"Achievement\"],"
        + "\"name\":\"Teamwork\",\"description\":\"Works in teams.\","
        + "\"criteria\":{\"narrative\":\"Team project with peer review.\"}}}}");
    ArrayNode tags = ((ObjectNode) c.get("credentialSubject").get("achievement")).putArray("tag");
    for (int i = 0; i < items; i++) {
      tags.add("skill-tag-" + i);
    }
    unsigned = c.toString();
    signed = sign().getBytes(StandardCharsets.UTF_8);
    if (!verify()) {
      throw new IllegalStateException("the benchmark credential does not verify");
    }
  }

  /**
   * Data Integrity sign.
   *
   * @return the signed document
   * @throws VcException never for this input
   */
  @Benchmark
  public String sign() throws VcException {
    return Credentials.sign(unsigned, key, Cryptosuite.EDDSA_RDFC_2022).withClock(clock).getJson();
  }

  /**
   * Data Integrity verify, every check.
   *
   * @return whether it verified
   */
  @Benchmark
  public boolean verify() {
    return Credentials.verify(signed).withClock(clock).get().verified();
  }

  /**
   * The baseline: the strict parse of the signed document that {@link #verify()} starts with.
   *
   * @return the document
   * @throws VcException never for this input
   */
  @Benchmark
  public Object baselineParse() throws VcException {
    return Credentials.sign(signed, key, Cryptosuite.EDDSA_RDFC_2022);
  }
}
