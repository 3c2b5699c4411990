package io.github.microcred.vc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NQuadsSink.Digest} (lines hashed as UTF-8 through a reused buffer) against the JDK's oracle, the digest of
 * {@code String.getBytes(UTF_8)} of the joined text, and {@link NQuadsSink.Text} against the joined text: seeded
 * lines of ASCII, two- and three-byte characters, surrogate pairs and unpaired surrogates (which the JDK replaces
 * with {@code ?}), short and longer than the buffer.
 */
class NQuadsSinkTest {
  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5141_0000L + i);
  }

  private static char character(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0:
        return (char) r.nextInt(0x80, 0x800);
      case 1:
        return (char) r.nextInt(0x800, 0xD800);
      case 2:
        return (char) r.nextInt(0xE000, 0x10000);
      case 3:
        return (char) r.nextInt(0xD800, 0xE000); // a lone surrogate, or half of a pair the next draw may complete
      default:
        return (char) r.nextInt(0, 0x80);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void digestOfTheLinesIsTheDigestOfTheText(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    String alg = seed % 2 == 0 ? "SHA-256" : "SHA-384";
    List<String> lines = new ArrayList<>();
    int n = r.nextInt(1, 40);
    for (int i = 0; i < n; i++) {
      int len = r.nextInt(10) == 0 ? r.nextInt(3000, 9000) : r.nextInt(0, 200);
      StringBuilder b = new StringBuilder(len);
      boolean plain = r.nextInt(3) == 0;
      for (int k = 0; k < len; k++) {
        if (!plain && r.nextInt(4) == 0 && k + 1 < len) {
          b.appendCodePoint(r.nextInt(0x10000, 0x110000));
          k++;
        } else {
          b.append(plain ? (char) r.nextInt(0x20, 0x7f) : character(r));
        }
      }
      lines.add(b.append('\n').toString());
    }
    String text = String.join("", lines);
    NQuadsSink.Digest d = new NQuadsSink.Digest(alg);
    NQuadsSink.Text t = new NQuadsSink.Text(1);
    for (String line : lines) {
      d.line(line);
      t.line(line);
    }
    assertArrayEquals(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)), d.digest(),
        "seed " + seed);
    assertEquals(text, t.text(), "seed " + seed);
  }
}
