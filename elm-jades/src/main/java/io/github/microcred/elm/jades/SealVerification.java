package io.github.microcred.elm.jades;

import java.util.List;
import java.util.Optional;

/**
 * The offline result of {@link ElmSeal#verify}: what DSS found about the seal's structure and signature value, checked
 * with the certificate embedded in the seal ({@code x5c}).
 *
 * @param format the JAdES level DSS recognised, e.g. {@code JAdES-BASELINE-B} (or {@code NOT_JADES})
 * @param structureValid whether the JWS and its JAdES header parameters are well formed (DSS's structural validation)
 * @param structureMessages DSS's messages when the structure is not valid
 * @param signingCertificateIdentified whether the embedded certificate is the one the seal names
 * @param signatureIntact whether the signed data (payload and protected header) is unchanged
 * @param signatureValid whether the signature value verifies with the embedded certificate's key
 * @param signingCertificate the signing certificate's subject (RFC 2253), if any
 * @param payload the signed payload as DSS verified it (the credential as it was sealed), present only when
 *     {@link #verified()}: read the credential from here, not from the document that was passed in, whose other
 *     members no signature covers
 * @param skipped the checks an offline verification does not make
 */
public record SealVerification(String format, boolean structureValid, List<String> structureMessages,
    boolean signingCertificateIdentified, boolean signatureIntact, boolean signatureValid,
    Optional<String> signingCertificate, Optional<String> payload, List<String> skipped) {
  /** The checks {@link ElmSeal#verify} never makes offline. */
  public static final List<String> SKIPPED = List.of(
      "certificate chain to a trusted list (no EU trusted lists are loaded offline)",
      "revocation of the signing certificate (no OCSP or CRL is fetched; revocation values in the seal are not "
          + "evaluated against a trust anchor)",
      "timestamps (signature and archive time-stamps are parsed but their TSA chains are not trusted offline)",
      "the certificate's validity period at signing time against a trusted time");

  /** Copies the lists; drops a payload unless every check passed. */
  public SealVerification {
    if (!(structureValid && signingCertificateIdentified && signatureIntact && signatureValid)) {
      payload = Optional.empty();
    }
    structureMessages = List.copyOf(structureMessages);
    skipped = List.copyOf(skipped);
  }

  /**
   * Whether the seal is well formed and its signature value verifies with its embedded certificate.
   *
   * @return true when structure, certificate identification, integrity and signature value all pass
   */
  public boolean verified() {
    return structureValid && signingCertificateIdentified && signatureIntact && signatureValid;
  }
}
