package io.github.microcred.cli;

import io.github.microcred.vc.KeyPair;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key FILE}: the issuer's signing key, the same option of {@code mcred issue}, {@code sign} and {@code status publish}. */
final class KeyOptions {
  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "The issuer's key file (a private JWK or Multikey, as mcred keygen writes it)")
  Path file;

  /**
   * Reads the key.
   *
   * @return the key pair
   * @throws CliException (exit 1) if the file cannot be read or holds no key
   */
  KeyPair read() {
    return CliFiles.readKey(file);
  }
}
