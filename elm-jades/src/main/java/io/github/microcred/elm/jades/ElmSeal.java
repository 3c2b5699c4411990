package io.github.microcred.elm.jades;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.JWSSerializationType;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.jades.JAdESSignatureParameters;
import eu.europa.esig.dss.jades.signature.JAdESService;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import io.github.microcred.elm.ElmCredential;
import io.github.microcred.elm.ElmErrorCode;
import io.github.microcred.elm.ElmException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * JAdES seals of EDC credentials with EU DSS.
 *
 * <pre>{@code
 * String sealed = ElmSeal.seal(Elm.export(mc, award), privateKey, List.of(certificate));
 * SealVerification v = ElmSeal.verify(sealed);   // v.verified(), v.skipped()
 * ElmImport i = Elm.importCredential(v.payload().orElseThrow());   // what was signed, nothing else
 * }</pre>
 */
public final class ElmSeal {
  /** The largest seal {@link #verify} reads. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private ElmSeal() {}

  /**
   * Seals a credential with a JAdES baseline-B signature: JWS JSON serialization with the credential as its
   * unencoded payload ({@code b64: false}), the certificate chain in {@code x5c}, the signing time in {@code sigT};
   * RS256 for an RSA key, ES256 for an EC P-256 key. Timestamps (baseline T and above) need a TSA and are not made.
   *
   * @param credential the exported credential
   * @param key the sealing key
   * @param chain the sealing certificate first, then its issuers (may be just the certificate)
   * @return the sealed credential (JSON text)
   * @throws ElmException {@link ElmErrorCode#INVALID_ARGUMENT} for an empty chain, a key that is neither RSA nor EC,
   *     or a key that does not match the certificate; {@link ElmErrorCode#UNSUPPORTED} when DSS refuses to sign
   */
  public static String seal(ElmCredential credential, PrivateKey key, List<X509Certificate> chain)
      throws ElmException {
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(chain, "chain");
    if (chain.isEmpty()) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "chain: the sealing certificate is required");
    }
    SignatureAlgorithm alg;
    String jca;
    if (key instanceof RSAPrivateKey) {
      alg = SignatureAlgorithm.RSA_SHA256;
      jca = "SHA256withRSA";
    } else if (key instanceof ECPrivateKey) {
      alg = SignatureAlgorithm.ECDSA_SHA256;
      jca = "SHA256withECDSA";
    } else {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "key: expected an RSA or EC private key, got "
          + key.getAlgorithm());
    }
    JAdESSignatureParameters p = new JAdESSignatureParameters();
    p.setSignatureLevel(SignatureLevel.JAdES_BASELINE_B);
    p.setSignaturePackaging(SignaturePackaging.ENVELOPING);
    p.setJwsSerializationType(JWSSerializationType.JSON_SERIALIZATION);
    p.setBase64UrlEncodedPayload(false);
    p.setDigestAlgorithm(DigestAlgorithm.SHA256);
    p.setSigningCertificate(new CertificateToken(chain.get(0)));
    List<CertificateToken> tokens = new ArrayList<>();
    for (X509Certificate c : chain) {
      tokens.add(new CertificateToken(c));
    }
    p.setCertificateChain(tokens);
    JAdESService service = new JAdESService(offline());
    DSSDocument doc = new InMemoryDocument(credential.toJson().toString().getBytes(StandardCharsets.UTF_8), "credential.json",
        MimeTypeEnum.JSON);
    try {
      ToBeSigned tbs = service.getDataToSign(doc, p);
      Signature s = Signature.getInstance(jca);
      s.initSign(key);
      s.update(tbs.getBytes());
      byte[] value = s.sign();
      if (!verifies(jca, chain.get(0), tbs.getBytes(), value)) {
        throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "key: it does not match the sealing certificate ("
            + chain.get(0).getSubjectX500Principal().getName() + ")");
      }
      DSSDocument signed = service.signDocument(doc, p, new SignatureValue(alg, value));
      try (InputStream in = signed.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new ElmException(ElmErrorCode.UNSUPPORTED, "sealing failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ElmException(ElmErrorCode.UNSUPPORTED, "DSS refused to seal: " + e.getMessage(), e);
    }
  }

  private static boolean verifies(String jca, X509Certificate cert, byte[] data, byte[] value)
      throws GeneralSecurityException {
    Signature v = Signature.getInstance(jca);
    v.initVerify(cert.getPublicKey());
    v.update(data);
    return v.verify(value);
  }

  /**
   * Verifies a sealed credential offline with DSS: the seal's structure, that its embedded certificate is the signing
   * certificate, that the signed data is intact and that the signature value verifies with that certificate's key.
   * The checks listed in {@link SealVerification#SKIPPED} need trusted lists, OCSP / CRL services or TSAs and are
   * not made. Never throws for a bad seal: a document DSS cannot read as a signature, or one with more than one
   * signature, gives a result with every check failed and the reason. When every check passes, the result holds the
   * signed payload ({@link SealVerification#payload()}): import that, not {@code sealed}.
   *
   * @param sealed the sealed credential (JWS JSON serialization or compact JWS)
   * @return the result
   */
  public static SealVerification verify(String sealed) {
    Objects.requireNonNull(sealed, "sealed");
    byte[] bytes = sealed.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      return failed("the seal is larger than " + MAX_BYTES + " bytes");
    }
    Reports reports;
    SignedDocumentValidator v;
    try {
      v = SignedDocumentValidator.fromDocument(new InMemoryDocument(bytes, "sealed.json"));
      v.setCertificateVerifier(offline());
      reports = v.validateDocument();
    } catch (RuntimeException e) {
      return failed("not a JAdES signature DSS can read: " + e.getMessage());
    }
    DiagnosticData dd = reports.getDiagnosticData();
    if (dd.getSignatures().isEmpty()) {
      return failed("no signature found");
    }
    if (dd.getSignatures().size() > 1) {
      return failed(dd.getSignatures().size() + " signatures: an EDC seal carries one, and a result for one of "
          + "several would not say which parts of the document the others cover");
    }
    SignatureWrapper w = dd.getSignatures().get(0);
    return new SealVerification(String.valueOf(w.getSignatureFormat()), w.isStructuralValidationValid(),
        w.getStructuralValidationMessages() == null ? List.of() : w.getStructuralValidationMessages(),
        w.isSigningCertificateIdentified(), w.isSignatureIntact(), w.isSignatureValid(),
        Optional.ofNullable(w.getSigningCertificate()).map(c -> c.getCertificateDN()), signedPayload(v, w.getId()),
        SealVerification.SKIPPED);
  }

  private static SealVerification failed(String why) {
    return new SealVerification("NOT_JADES", false, List.of(why), false, false, false, Optional.empty(),
        Optional.empty(), SealVerification.SKIPPED);
  }

  /** The one document the signature covers, as DSS hands it back after validation (empty when not exactly one). */
  private static Optional<String> signedPayload(SignedDocumentValidator v, String signatureId) {
    try {
      List<DSSDocument> docs = v.getOriginalDocuments(signatureId);
      if (docs == null || docs.size() != 1) {
        return Optional.empty();
      }
      try (InputStream in = docs.get(0).openStream()) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static CommonCertificateVerifier offline() {
    CommonCertificateVerifier v = new CommonCertificateVerifier();
    v.setAIASource(null);
    v.setCrlSource(null);
    v.setOcspSource(null);
    return v;
  }

}
