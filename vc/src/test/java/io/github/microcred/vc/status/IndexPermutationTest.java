package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.internal.status.IndexPermutation;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndexPermutationTest {
  @Test
  void isABijectionOnEveryDomainSize() {
    long seed = 42;
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] sizes = {2, 3, 5, 17, 100, 1023, 1024, 1025, 4097, 131_072, 131_073};
    for (int size : sizes) {
      byte[] key = new byte[32];
      for (int i = 0; i < key.length; i++) {
        key[i] = (byte) rnd.nextInt(256);
      }
      IndexPermutation p = new IndexPermutation(size, key);
      BitSet seen = new BitSet(size);
      int inOrder = 0;
      for (int c = 0; c < size; c++) {
        long x = p.permute(c);
        assertTrue(x >= 0 && x < size, "seed " + seed + " size " + size + " counter " + c + " -> " + x);
        assertFalse(seen.get((int) x), "seed " + seed + " size " + size + ": index " + x + " produced twice");
        seen.set((int) x);
        if (x == c) {
          inOrder++;
        }
      }
      assertEquals(size, seen.cardinality());
      if (size >= 1000) {
        assertTrue(inOrder < size / 100, "size " + size + ": order looks sequential (" + inOrder + " fixed points)");
      }
    }
  }
}
