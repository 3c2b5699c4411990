package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Credentials#signAll}: one outcome per input document, in input order, whatever the interleaving of the
 * workers; each signed document is what {@code Credentials.sign} gives for it alone (Ed25519 signatures are
 * deterministic, so byte for byte) and verifies; each bad document is a failure with its index and the same error
 * {@code Credentials.sign} raises, not an exception; progress counts every outcome; the input is read lazily.
 */
class BulkSigningTest {
  private static final KeyPair ED = SecurityPitfallsTest.ED;
  private static final Instant CREATED = SecurityPitfallsTest.NOW.minusSeconds(60);

  /** Seeded badges issued by the key, with bad documents mixed in at seeded positions. */
  private static List<String> corpus(long seed, int n) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String[] bad = {"", "not json", "[1,2]", "{\"@context\": \"https://www.w3.org/ns/credentials/v2\", \"x\": 1}",
      "{\"@context\": \"https://example.org/not-pinned\", \"type\": \"VerifiableCredential\"}", "{\"a\": 1, \"a\": 2}"};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (r.nextInt(8) == 0) {
        out.add(bad[r.nextInt(bad.length)]);
      } else {
        out.add(Ob3Generator.badge(r, ED.publicKey().didKey()).toJson().toString());
      }
    }
    return out;
  }

  @Test
  void everyDocumentHasOneOutcomeInInputOrder() throws Exception {
    long seed = 0xB01C;
    List<String> docs = corpus(seed, 240);
    AtomicLong lastDone = new AtomicLong();
    AtomicLong lastFailed = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    List<BulkSigned> out;
    try (Stream<BulkSigned> s = Credentials.signAll(docs.stream(), ED, Cryptosuite.EDDSA_RDFC_2022,
        (done, failed) -> {
          calls.incrementAndGet();
          assertEquals(lastDone.get() + 1, done, "progress counts each outcome once");
          lastDone.set(done);
          lastFailed.set(failed);
        }, op -> op.withCreated(CREATED))) {
      out = s.collect(Collectors.toList());
    }
    assertEquals(docs.size(), out.size(), "seed " + seed + ": no document lost");
    assertEquals(docs.size(), calls.get());
    long failed = 0;
    for (int i = 0; i < docs.size(); i++) {
      BulkSigned b = out.get(i);
      assertEquals(i, b.index(), "in input order");
      String expected;
      VcException expectedError = null;
      try {
        expected = Credentials.sign(docs.get(i), ED, Cryptosuite.EDDSA_RDFC_2022).withCreated(CREATED).getJson();
      } catch (VcException e) {
        expected = null;
        expectedError = e;
      }
      if (expected != null) {
        assertTrue(b.isSigned(), "seed " + seed + " document " + i + ": " + b);
        assertEquals(expected, b.signed().get(), "document " + i + " as signed alone");
        VerificationResult v = Credentials.verify(b.signed().get()).withClock(SecurityPitfallsTest.CLOCK).get();
        assertTrue(v.verified(), "document " + i + ": " + v);
      } else {
        failed++;
        assertFalse(b.isSigned(), "document " + i);
        assertEquals(expectedError.code(), b.error().get().code(), "document " + i);
        assertEquals(expectedError.getMessage(), b.error().get().getMessage(), "document " + i);
      }
    }
    assertTrue(failed > 10 && failed < docs.size() / 2, "the corpus mixes bad documents in: " + failed);
    assertEquals(docs.size(), lastDone.get());
    assertEquals(failed, lastFailed.get());
  }

  @Test
  void theInputIsReadLazilyAndClosingStopsTheWork() throws Exception {
    AtomicInteger read = new AtomicInteger();
    ObjectNode c = SecurityPitfallsTest.credential(ED.publicKey().didKey());
    Stream<String> endless = Stream.generate(() -> {
      read.incrementAndGet();
      return c.toString();
    });
    AtomicInteger closed = new AtomicInteger();
    List<BulkSigned> first;
    try (Stream<BulkSigned> s = Credentials.signAll(endless.onClose(closed::incrementAndGet), ED,
        Cryptosuite.EDDSA_RDFC_2022, BulkProgress.NONE)) {
      first = s.limit(5).collect(Collectors.toList());
    }
    assertEquals(5, first.size());
    assertTrue(first.stream().allMatch(BulkSigned::isSigned), first.toString());
    int window = Runtime.getRuntime().availableProcessors() * 8;
    assertTrue(read.get() <= 5 + window, "read " + read.get() + " documents of an endless input");
    assertEquals(1, closed.get(), "closing the results closes the input");
  }

  @Test
  void p256SignaturesVerify() throws Exception {
    KeyPair p = SecurityPitfallsTest.P256;
    List<String> docs = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      docs.add(Ob3Generator.badge(r, p.publicKey().didKey()).toJson().toString());
    }
    try (Stream<BulkSigned> s = Credentials.signAll(docs.stream(), p, Cryptosuite.ECDSA_RDFC_2019,
        BulkProgress.NONE, op -> op.withCreated(CREATED))) {
      List<BulkSigned> out = s.collect(Collectors.toList());
      assertEquals(20, out.size());
      for (BulkSigned b : out) {
        VerificationResult v = Credentials.verify(b.signed().orElseThrow()).withClock(SecurityPitfallsTest.CLOCK)
            .get();
        assertTrue(v.verified(), b + ": " + v);
      }
    }
  }
}
