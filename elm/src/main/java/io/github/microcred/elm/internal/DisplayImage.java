package io.github.microcred.elm.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small, deterministic PNG (a white A4-proportioned page with a blue band) for the EDC display image that the
 * {@code DisplayDetail} shape requires when the caller gives none. Written with the JDK's zlib: no AWT, so it works
 * headless and without fonts.
 */
public final class DisplayImage {
  private static final int WIDTH = 210;
  private static final int HEIGHT = 297;

  private static final byte[] PLACEHOLDER = render();

  private DisplayImage() {}

  /**
   * The placeholder image.
   *
   * @return PNG bytes (a new copy)
   */
  public static byte[] placeholder() {
    return PLACEHOLDER.clone();
  }

  private static byte[] render() {
    byte[] raw = new byte[HEIGHT * (1 + WIDTH * 3)];
    int i = 0;
    for (int y = 0; y < HEIGHT; y++) {
      raw[i++] = 0; // filter: none
      boolean band = y >= 20 && y < 50;
      for (int x = 0; x < WIDTH; x++) {
        raw[i++] = (byte) (band ? 0x00 : 0xFF);
        raw[i++] = (byte) (band ? 0x33 : 0xFF);
        raw[i++] = (byte) (band ? 0x99 : 0xFF);
      }
    }
    Deflater d = new Deflater(9);
    d.setInput(raw);
    d.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      z.write(buf, 0, d.deflate(buf));
    }
    d.end();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(WIDTH).putInt(HEIGHT);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", ihdr.array());
    chunk(png, "IDAT", z.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * Whether bytes start with the PNG signature.
   *
   * @param b the bytes
   * @return true for PNG
   */
  public static boolean isPng(byte[] b) {
    return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  /**
   * Whether bytes start with the JPEG signature.
   *
   * @param b the bytes
   * @return true for JPEG
   */
  public static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
  }
}
