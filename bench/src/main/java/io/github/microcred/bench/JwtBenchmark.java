package io.github.microcred.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.jose.JwtVerification;
import io.github.microcred.vc.jose.VcJwt;
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
 * VC-JOSE-COSE cost against the raw signature it wraps. Report {@code jwtSignVerify / rawSignVerify} per key type
 * (target: at most 1.3): the baseline signs and verifies a message of the same length as the JWS signing input.
 * Sample mode, so that {@link Ratios} compares medians: on a shared machine the mean of a 200 µs operation is
 * dominated by the rare call that was descheduled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtBenchmark {
  /** Key type. */
  @Param({"ED25519", "P256", "P384"})
  public String keyType;

  private KeyPair key;
  private ObjectNode credential;
  private byte[] signingInput;
  private Clock clock;

  /**
   * Builds the key, a credential and a baseline message of the JWS signing-input length.
   *
   * @throws VcException never
   */
  @Setup
  public void setup() throws VcException {
    key = KeyPair.generate(KeyType.valueOf(keyType));
    String issuer = key.publicKey().didKeyVerificationMethod().split("#")[0];
    credential = BenchJson.MAPPER.createObjectNode();
    credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
    credential.put("id", "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0");
    credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
    credential.put("issuer", issuer);
    credential.put("validFrom", "2026-01-01T00:00:00Z");
    credential.putObject("credentialSubject").put("id", "did:example:learner").put("name", "Ada Lovelace");
    clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    String jwt = VcJwt.sign(credential, key).withClock(clock).get();
    signingInput = jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Baseline: raw signature and verification of a message as long as the signing input.
   *
   * @return the verdict
   */
  @Benchmark
  public boolean rawSignVerify() {
    byte[] sig = key.sign(signingInput);
    return key.publicKey().verify(signingInput, sig);
  }

  /**
   * Sign a credential as a vc+jwt and verify it (with did:key resolution and every check).
   *
   * @return the verdict
   * @throws VcException never
   */
  @Benchmark
  public boolean jwtSignVerify() throws VcException {
    String jwt = VcJwt.sign(credential, key).withClock(clock).get();
    JwtVerification v = VcJwt.verify(jwt).withClock(clock).get();
    return v.verified();
  }
}
