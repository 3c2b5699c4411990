package io.github.microcred.cli;

import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcred keygen}: generates a signing key and writes it as a private JWK or Multikey file. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = "Generate a signing key (Ed25519, P-256, P-384, or RSA 2048 for RS256 JWTs) and write it to a"
        + " file.")
public final class KeygenCommand implements Callable<Integer> {
  @Option(names = "--type", required = true, description = "ed25519, p256, p384 or rsa (JWTs only: RS256)")
  String type;

  @Option(names = "--format", defaultValue = "jwk", description = "jwk (default) or multikey (not for rsa)")
  String format;

  @Option(names = "--out", required = true, description = "the key file to create (must not exist)")
  Path out;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.Mixin ReportOptions report;

  @Override
  public Integer call() {
    try {
      KeyPair k = KeyPair.generate(KeyType.parse(type));
      String json = k.toKeyFile(format, SecretKeyAccess.get()).toPrettyString() + "\n";
      Files.writeString(out, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: leave the default permissions
      }
      if (report.text) {
        spec.commandLine().getOut().println(k.publicKey().didKey());
      } else {
        spec.commandLine().getOut().println(CliFiles.JSON.createObjectNode().put("key", out.toString())
            .put("type", k.type().name().toLowerCase(Locale.ROOT)).put("format", format)
            .put("did", k.publicKey().didKey())
            .put("verificationMethod", k.publicKey().didKeyVerificationMethod()).toPrettyString());
      }
      return Main.OK;
    } catch (VcException e) {
      throw new CliException(Main.USAGE, e.getMessage());
    } catch (FileAlreadyExistsException e) {
      throw new CliException(Main.FAILED, out + ": already exists; refusing to overwrite a key");
    } catch (AccessDeniedException e) {
      throw new CliException(Main.FAILED, out + ": permission denied, cannot write the key");
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, out + ": its folder does not exist");
    } catch (IOException e) {
      throw new CliException(Main.FAILED, out + ": cannot be written (" + e.getMessage() + ")");
    }
  }
}
