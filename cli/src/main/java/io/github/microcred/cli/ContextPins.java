package io.github.microcred.cli;

import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --context URL=FILE[#sha256=HEX]} option of {@code sign}, {@code verify} and {@code issue}: pins extra
 * JSON-LD contexts (or other bytes for a pinned URL) from local files, each by the SHA-256 of its bytes. The hash is
 * printed, so that a verifier can pin the same bytes; with {@code #sha256=HEX} the file must have that hash.
 */
final class ContextPins {
  /** One pinned context. */
  record Pin(String url, Path file, String sha256) {
    /** The line printed for it. */
    String describe() {
      return "pinned context " + url + " = " + file + " (sha256 " + sha256 + ")";
    }
  }

  private final ContextLoader loader;
  private final List<Pin> pins;

  private ContextPins(ContextLoader loader, List<Pin> pins) {
    this.loader = loader;
    this.pins = pins;
  }

  /**
   * Reads the option values.
   *
   * @param values {@code URL=FILE} or {@code URL=FILE#sha256=HEX} each
   * @return the loader and the pins
   * @throws CliException {@link Main#USAGE} for a malformed value, {@link Main#FAILED} for an unreadable file,
   *     a hash mismatch or a file that is not JSON
   */
  static ContextPins parse(List<String> values) throws CliException {
    ContextLoader l = ContextLoader.pinned();
    List<Pin> pins = new ArrayList<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new CliException(Main.USAGE, "--context: expected URL=FILE, got '" + v + "'");
      }
      String url = v.substring(0, eq);
      String file = v.substring(eq + 1);
      String expected = null;
      int h = file.lastIndexOf("#sha256=");
      if (h >= 0) {
        expected = file.substring(h + "#sha256=".length()).toLowerCase(Locale.ROOT);
        file = file.substring(0, h);
        if (!expected.matches("[0-9a-f]{64}")) {
          throw new CliException(Main.USAGE, "--context " + url + ": #sha256= needs 64 hex digits");
        }
      }
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw new CliException(Main.USAGE, "--context: expected an http(s) context URL before '=', got '" + url + "'");
      }
      Path p = Path.of(file);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p);
      } catch (IOException e) {
        throw new CliException(Main.FAILED, "--context " + url + ": cannot read " + p + ": " + e.getMessage());
      }
      String sha = sha256(bytes);
      if (expected != null && !expected.equals(sha)) {
        throw new CliException(Main.FAILED, "--context " + url + ": " + p + " has sha256 " + sha + ", expected "
            + expected);
      }
      try {
        l = l.withContext(url, bytes, sha);
      } catch (VcException e) {
        throw new CliException(Main.FAILED, "--context " + url + ": " + e.getMessage());
      }
      pins.add(new Pin(url, p, sha));
    }
    return new ContextPins(l, List.copyOf(pins));
  }

  ContextLoader loader() {
    return loader;
  }

  List<Pin> pins() {
    return pins;
  }

  boolean isEmpty() {
    return pins.isEmpty();
  }

  /** The files the pins were read from. */
  List<Path> files() {
    return pins.stream().map(Pin::file).toList();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Refuses to write {@code out} when it is one of the inputs (the same path, or the same file through another path:
   * a symbolic or hard link, {@code ./x} for {@code x}).
   *
   * @param out the file to write
   * @param inputs the files read
   * @throws CliException {@link Main#USAGE} naming the input
   */
  static void refuseOverwrite(Path out, List<Path> inputs) throws CliException {
    for (Path in : inputs) {
      if (in == null) {
        continue;
      }
      boolean same;
      try {
        same = out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())
            || Files.exists(out) && Files.exists(in) && Files.isSameFile(out, in);
      } catch (IOException e) {
        throw new CliException(Main.FAILED, "cannot compare " + out + " with " + in + ": " + e.getMessage());
      }
      if (same) {
        throw new CliException(Main.USAGE, "OUT " + out + " is the input file " + in
            + "; refusing to overwrite it (write the result to another file)");
      }
    }
  }
}
