package io.github.microcred.vc.internal.status;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed pseudo-random permutation of {@code [0, size)}: a balanced Feistel network over the smallest even number
 * of bits covering {@code size}, keyed by HMAC-SHA256, with cycle-walking. Allocating {@code permute(0)},
 * {@code permute(1)}, ... yields every index exactly once, in an order that does not reveal issuance order to
 * anyone without the key. Internal.
 */
public final class IndexPermutation {
  private static final int ROUNDS = 6;
  private final long size;
  private final int halfBits;
  private final long halfMask;
  private final byte[] key;

  /**
   * Creates the permutation.
   *
   * @param size domain size, at least 2
   * @param key secret key (16 bytes or more)
   */
  public IndexPermutation(long size, byte[] key) {
    if (size < 2 || size > (1L << 40)) {
      throw new IllegalArgumentException("size must be in [2, 2^40], got " + size);
    }
    this.size = size;
    int bits = 64 - Long.numberOfLeadingZeros(size - 1);
    if ((bits & 1) == 1) {
      bits++;
    }
    this.halfBits = bits / 2;
    this.halfMask = (1L << halfBits) - 1;
    this.key = key.clone();
  }

  /**
   * Maps a counter to an index.
   *
   * @param counter in {@code [0, size)}
   * @return the index, in {@code [0, size)}; distinct counters give distinct indexes
   */
  public long permute(long counter) {
    if (counter < 0 || counter >= size) {
      throw new IllegalArgumentException("counter out of range: " + counter);
    }
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
    long x = counter;
    do {
      x = feistel(mac, x);
    } while (x >= size);
    return x;
  }

  private long feistel(Mac mac, long x) {
    long left = (x >>> halfBits) & halfMask;
    long right = x & halfMask;
    ByteBuffer buf = ByteBuffer.allocate(9);
    for (int r = 0; r < ROUNDS; r++) {
      buf.clear();
      buf.put((byte) r).putLong(right);
      byte[] h = mac.doFinal(buf.array());
      long f = ByteBuffer.wrap(h).getLong() & halfMask;
      long next = left ^ f;
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }
}
