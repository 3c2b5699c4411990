package io.github.microcred.vc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where canonical N-Quads lines go: into one text ({@link #text}) or straight into a {@link MessageDigest} as UTF-8
 * ({@link #digest}), without building the whole canonical text and its byte copy first. The digest of the lines is
 * byte for byte the digest of {@code text().getBytes(UTF_8)}.
 */
abstract class NQuadsSink {
  abstract void line(String line);

  /** Collects the lines into one text. */
  static final class Text extends NQuadsSink {
    private final StringBuilder out;

    Text(int expectedLines) {
      out = new StringBuilder(expectedLines * 128);
    }

    @Override
    void line(String line) {
      out.append(line);
    }

    String text() {
      return out.toString();
    }
  }

  /** Hashes the lines as UTF-8 through a reused buffer. */
  static final class Digest extends NQuadsSink {
    private final MessageDigest md;
    private final byte[] buffer = new byte[4096];
    private int used;

    Digest(String algorithm) {
      try {
        md = MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    void line(String line) {
      int n = line.length();
      for (int i = 0; i < n; i++) {
        char c = line.charAt(i);
        if (used + 3 > buffer.length) {
          flush();
        }
        if (c < 0x80) {
          buffer[used++] = (byte) c;
        } else if (c < 0x800) {
          buffer[used++] = (byte) (0xc0 | c >> 6);
          buffer[used++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isSurrogate(c)) {
          // pairs (and String.getBytes's replacement of an unpaired one) as the JDK encodes them
          flush();
          md.update(line.substring(i).getBytes(StandardCharsets.UTF_8));
          return;
        } else {
          buffer[used++] = (byte) (0xe0 | c >> 12);
          buffer[used++] = (byte) (0x80 | c >> 6 & 0x3f);
          buffer[used++] = (byte) (0x80 | c & 0x3f);
        }
      }
    }

    private void flush() {
      md.update(buffer, 0, used);
      used = 0;
    }

    byte[] digest() {
      flush();
      return md.digest();
    }
  }
}
