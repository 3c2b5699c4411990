package io.github.microcred.cli;

import io.github.microcred.vc.VcException;
import io.github.microcred.vc.sdjwt.SdJwtVerifyOperation;
import io.github.microcred.vc.sdjwt.X509Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The X.509 trust of a verifier of SD-JWT VCs whose issuers sign with an {@code x5c} certificate chain: trust anchor
 * certificates and, offline, certificate revocation lists, from PEM or DER files.
 */
final class X509Options {
  @Option(names = "--trust-anchor", paramLabel = "CERT.pem",
      description = "SD-JWT VC: a trusted root (or other CA) certificate, PEM or DER; an issuer whose x5c chain "
          + "validates to one (PKIX, at the verification time) is verified with its end-entity certificate's key, "
          + "which must name the issuer; without one x5c is not read; repeatable")
  List<Path> anchors = new ArrayList<>();

  @Option(names = "--crl", paramLabel = "FILE",
      description = "SD-JWT VC with --trust-anchor: a certificate revocation list (PEM or DER), read offline; with "
          + "any, every certificate of an x5c chain needs a current CRL of its issuer (revoked or without one: not "
          + "verified); repeatable")
  List<Path> crls = new ArrayList<>();

  /** Whether an X.509 option was given. */
  boolean any() {
    return !anchors.isEmpty() || !crls.isEmpty();
  }

  /**
   * The operation with the anchors and CRLs read from their files.
   *
   * @throws CliException (exit 1) naming the file when one is not a certificate / CRL file; (exit 2) for CRLs
   *     without anchors
   */
  SdJwtVerifyOperation apply(SdJwtVerifyOperation op) throws CliException {
    if (anchors.isEmpty()) {
      if (!crls.isEmpty()) {
        throw new CliException(Main.USAGE, "--crl: give the --trust-anchor the x5c chains validate to");
      }
      return op;
    }
    List<X509Certificate> certs = new ArrayList<>();
    for (Path p : anchors) {
      try {
        certs.addAll(X509Files.certificates(CliFiles.readBytes(p), "--trust-anchor " + p));
      } catch (VcException e) {
        throw new CliException(Main.FAILED, e.getMessage());
      }
    }
    op = op.withX509TrustAnchors(certs);
    List<X509CRL> lists = new ArrayList<>();
    for (Path p : crls) {
      try {
        lists.addAll(X509Files.crls(CliFiles.readBytes(p), "--crl " + p));
      } catch (VcException e) {
        throw new CliException(Main.FAILED, e.getMessage());
      }
    }
    return lists.isEmpty() ? op : op.withX509Crls(lists);
  }

  /**
   * Refuses the options for input that is not an SD-JWT VC.
   *
   * @throws CliException (exit 2)
   */
  void refuse() throws CliException {
    if (any()) {
      throw new CliException(Main.USAGE, "--trust-anchor and --crl apply to SD-JWT VCs (x5c issuers) only");
    }
  }
}
