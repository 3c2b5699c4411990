package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FractionTest {

  @Test
  void lowestTermsParsingAndDecimals() {
    assertEquals(Fraction.of(1, 3), Fraction.parse(" 2 / 6 "));
    assertEquals(Fraction.of(-1, 2), Fraction.of(1, -2));
    assertEquals(Fraction.of(3, 4), Fraction.parse("1.5/2"));
    assertEquals(Fraction.of(15, 2), Fraction.parse("7.5"));
    assertEquals(Optional.empty(), Fraction.of(1, 3).exactDecimal());
    assertEquals(Optional.of(new BigDecimal("0.125")), Fraction.of(1, 8).exactDecimal());
    assertEquals("1/3", Fraction.of(1, 3).toString());
    assertEquals("10", Fraction.of(30, 3).toString());
    assertThrows(IllegalArgumentException.class, () -> Fraction.parse("1/0"));
    assertThrows(IllegalArgumentException.class, () -> Fraction.parse("one third"));
    assertThrows(IllegalArgumentException.class, () -> Fraction.of(1, 0));
  }

  @Test
  void scaledFloorAndCeilingBracketTheValueExactly() {
    SplittableRandom r = new SplittableRandom(20261206L);
    for (int i = 0; i < 5000; i++) {
      Fraction f = Fraction.of(r.nextLong(-100_000, 100_000), r.nextLong(1, 1000));
      int scale = r.nextInt(7);
      BigInteger lo = f.scaled(scale, RoundingMode.FLOOR);
      BigInteger hi = f.scaled(scale, RoundingMode.CEILING);
      Fraction scaled = f.multiply(new Fraction(BigInteger.TEN.pow(scale), BigInteger.ONE));
      String msg = f + " at " + scale;
      // lo <= f * 10^s < lo + 1 and hi - 1 < f * 10^s <= hi
      assertTrue(new Fraction(lo, BigInteger.ONE).compareTo(scaled) <= 0, msg);
      assertTrue(new Fraction(lo.add(BigInteger.ONE), BigInteger.ONE).compareTo(scaled) > 0, msg);
      assertTrue(new Fraction(hi, BigInteger.ONE).compareTo(scaled) >= 0, msg);
      assertTrue(new Fraction(hi.subtract(BigInteger.ONE), BigInteger.ONE).compareTo(scaled) < 0, msg);
    }
  }

  /** Lowest terms in long arithmetic (below 2^62) equal the BigInteger reduction, at every magnitude and sign. */
  @Test
  void longReductionEqualsBigIntegerReduction() {
    long seed = 6206L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      int bits = 1 + r.nextInt(70);
      BigInteger g = new BigInteger(1 + r.nextInt(20), new java.util.Random(r.nextLong())).add(BigInteger.ONE);
      BigInteger n = new BigInteger(bits, new java.util.Random(r.nextLong())).multiply(g);
      BigInteger d = new BigInteger(1 + r.nextInt(bits), new java.util.Random(r.nextLong())).add(BigInteger.ONE)
          .multiply(g);
      if (r.nextBoolean()) {
        n = n.negate();
      }
      if (r.nextInt(4) == 0) {
        d = d.negate();
      }
      Fraction f = new Fraction(n, d);
      BigInteger k = n.gcd(d);
      BigInteger en = n.divide(k);
      BigInteger ed = d.divide(k);
      if (ed.signum() < 0) {
        en = en.negate();
        ed = ed.negate();
      }
      if (en.signum() == 0) {
        ed = BigInteger.ONE;
      }
      assertEquals(en, f.numerator(), "seed " + seed + " case " + i + ": " + n + "/" + d);
      assertEquals(ed, f.denominator(), "seed " + seed + " case " + i + ": " + n + "/" + d);
    }
  }
}
