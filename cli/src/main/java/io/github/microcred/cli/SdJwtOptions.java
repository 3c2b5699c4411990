package io.github.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.sdjwt.SdJwt;
import io.github.microcred.vc.sdjwt.SdJwtIssueOperation;
import io.github.microcred.vc.sdjwt.X509Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The SD-JWT VC issuance options of {@code mcred issue} and {@code mcred sign} ({@code --format sd-jwt}). */
final class SdJwtOptions {
  @Option(names = "--disclose", paramLabel = "POINTER",
      description = "sd-jwt: a selectively disclosable claim, as a JSON Pointer into the credential (e.g. "
          + "/credentialSubject/achievement or /credentialSubject/result/0); repeatable")
  List<String> disclose = new ArrayList<>();

  @Option(names = "--holder-key", paramLabel = "FILE",
      description = "sd-jwt: the holder's key file; its public key goes into cnf.jwk (Key Binding)")
  Path holderKey;

  @Option(names = "--decoys", paramLabel = "N", defaultValue = "0",
      description = "sd-jwt: decoy digests per disclosable level (0 to 64; default ${DEFAULT-VALUE})")
  int decoys;

  @Option(names = "--vct", paramLabel = "URI",
      description = "sd-jwt: the credential type (default: the IRI of OpenBadgeCredential / ClrCredential)")
  String vct;

  @Option(names = "--x5c", paramLabel = "CHAIN.pem",
      description = "sd-jwt: the issuer's X.509 certificate chain (PEM, the certificate of --key first) for the x5c "
          + "header; it must certify the signing key and name the issuer")
  Path x5c;

  /** Whether an SD-JWT-only option was given. */
  boolean any() {
    return !disclose.isEmpty() || holderKey != null || decoys != 0 || vct != null || x5c != null;
  }

  /** Issues {@code credential} as an SD-JWT VC; {@code kid} may be null. */
  String issue(ObjectNode credential, KeyPair key, String kid) throws CliException {
    if (decoys < 0 || decoys > 64) {
      throw new CliException(Main.USAGE, "--decoys: expected 0 to 64, got " + decoys);
    }
    SdJwtIssueOperation op = SdJwt.issue(credential, key).withDisclosable(disclose).withDecoys(decoys);
    if (holderKey != null) {
      op = op.withHolderKey(CliFiles.readKey(holderKey).publicKey());
    }
    if (vct != null) {
      op = op.withVct(CliFiles.iri("--vct", vct));
    }
    if (kid != null) {
      op = op.withKeyId(kid);
    }
    try {
      if (x5c != null) {
        op = op.withX5c(X509Files.certificates(CliFiles.readBytes(x5c), "--x5c " + x5c));
      }
      return op.get();
    } catch (VcException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
  }

  /** Refuses the SD-JWT options with another format. */
  void refuseUnless(String format) throws CliException {
    if (any() && !format.equals("sd-jwt")) {
      throw new CliException(Main.USAGE, "--disclose, --holder-key, --decoys, --vct and --x5c apply to --format sd-jwt only");
    }
  }
}
