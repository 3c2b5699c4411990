package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.MicroCredentialValidator;
import io.github.microcred.core.ValidationReport;
import io.github.microcred.core.testing.MicroCredentialGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator and the issuer agree: every micro-credential that {@link MicroCredentialValidator} passes (no
 * errors) can be issued with {@link Credentials#issue(MicroCredential, String, KeyPair)} and the result verifies;
 * and whatever makes issuing fail is an error the validator reports (at the same field). Seeded: the generator's
 * micro-credentials, with their ids removed or replaced by IRIs and non-IRIs.
 */
class ValidatorIssuerAgreementTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final String[] IDS = {
    null, "urn:uuid:6f1d3c2e-1b1a-4e55-9d3e-9d7c0c2e4b1a", "https://example.edu/mc/1", "mailto:registrar@example.edu",
    "did:example:mc-1", "data literacy 101", "mc-101", "https://example.edu/a b", ":no-scheme", "tag:example.edu,2026:mc"
  };

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 0x5EED_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyMicroCredentialTheValidatorPassesCanBeIssued(long seed) throws VcException {
    SplittableRandom rnd = new SplittableRandom(seed);
    KeyPair key = KeyPair.generate(KeyType.ED25519);
    for (int i = 0; i < 4; i++) {
      MicroCredential base = switch (rnd.nextInt(3)) {
        case 0 -> MicroCredentialGenerator.generate(rnd);
        case 1 -> MicroCredentialGenerator.generatePartial(rnd);
        default -> MicroCredentialGenerator.generateMinimal(rnd);
      };
      MicroCredential mc = rnd.nextBoolean() ? base : base.toBuilder().id(IDS[rnd.nextInt(IDS.length)]).build();
      ValidationReport report = MicroCredentialValidator.validate(mc);
      String where = "seed " + seed + " #" + i + ", id " + mc.id().orElse("(none)") + ": " + report.summary();
      ObjectNode signed;
      try {
        signed = Credentials.issue(mc, "did:example:learner-1", key, Clock.fixed(NOW, ZoneOffset.UTC)).get();
      } catch (VcException e) {
        assertFalse(report.valid(), "the validator passed what issue refuses (" + e.getMessage() + "); " + where);
        assertTrue(report.errors().stream().anyMatch(x -> x.path().equals("$.id")),
            "issue refused the id (" + e.getMessage() + ") but the validator names no error at $.id; " + where);
        continue;
      }
      VerificationResult r = Credentials.verify(signed).withClock(Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC))
          .get();
      assertTrue(r.verified(), () -> where + "\n" + r);
      assertEquals(io.github.microcred.vc.ob3.MicroCredentials.achievementId(mc),
          signed.at("/credentialSubject/achievement/id").asText(), where);
      if (!report.valid() && report.errors().stream().anyMatch(x -> x.path().equals("$.id"))) {
        fail("the validator reports an id error that issue accepts; " + where);
      }
    }
  }
}
