package io.github.microcred.cli;

import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.StatusCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What a verifier trusts, from files: {@code --controller} documents and published {@code --status-list}
 * credentials; the same options, read the same way, in {@code mcred verify} and {@code mcred audit}.
 */
final class TrustOptions {
  @Option(names = "--controller", paramLabel = "DOC.json",
      description = "A trusted controller document for the https: issuer of a signed credential (Data Integrity or "
          + "JWT); repeatable")
  List<Path> controllers = new ArrayList<>();

  @Option(names = "--status-list", paramLabel = "FILE",
      description = "A published status list to check the status of signed credentials against, offline: a "
          + "Bitstring Status List credential (JSON or vc+jwt), an IETF Status List Token (statuslist+jwt, for an "
          + "SD-JWT VC's status claim) or a 1EdTech Revocation List (JSON); repeatable (mcred verify fails a revoked "
          + "or suspended credential, mcred audit excludes it as REVOKED or SUSPENDED)")
  List<Path> statusLists = new ArrayList<>();

  /** Whether any trust option was given. */
  boolean any() {
    return !controllers.isEmpty() || !statusLists.isEmpty();
  }

  /**
   * Reads the {@code --controller} documents.
   *
   * @return the trusted controller documents
   * @throws CliException (exit 1) if one cannot be read or is not a controller document
   */
  List<ControllerDocument> controllerDocuments() {
    return VerifierInputs.controllers(controllers);
  }

  /**
   * The status check over the {@code --status-list} credentials, trusting {@code docs} for their proofs.
   *
   * @param docs the trusted controller documents ({@link #controllerDocuments})
   * @return the check
   * @throws CliException (exit 1) if a list cannot be read or has no id
   */
  StatusCheck statusCheck(List<ControllerDocument> docs) {
    return VerifierInputs.statusCheck(statusLists, docs);
  }
}
