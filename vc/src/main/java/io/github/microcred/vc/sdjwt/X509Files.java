package io.github.microcred.vc.sdjwt;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads the X.509 material a verifier configures for {@code x5c} issuers: trust anchor certificates (for
 * {@link SdJwtVerifyOperation#withX509TrustAnchors}) and an issuer's certificate chain (for
 * {@link SdJwtIssueOperation#withX5c}), PEM ({@code -----BEGIN CERTIFICATE-----}, one or more) or one DER
 * certificate, with the JDK's X.509 {@link CertificateFactory}. Bounded: at most {@link #MAX_BYTES} bytes and
 * {@link #MAX_ITEMS} certificates per file. A file that is not that is refused with a {@link VcException} naming
 * the source.
 */
public final class X509Files {
  /** The largest file read. */
  public static final int MAX_BYTES = 1 << 20;
  /** The most certificates read from one file. */
  public static final int MAX_ITEMS = 64;

  private X509Files() {}

  /**
   * Reads certificates.
   *
   * @param pemOrDer the file's bytes: PEM certificates or one DER certificate
   * @param source what the bytes are, for messages (a file name, a configuration member)
   * @return the certificates, at least one, in file order
   * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED} over the bounds, {@link VcErrorCode#INVALID_DOCUMENT}
   *     when the bytes are not X.509 certificates
   */
  public static List<X509Certificate> certificates(byte[] pemOrDer, String source) throws VcException {
    Objects.requireNonNull(source, "source");
    Collection<? extends Certificate> read;
    try {
      read = factory().generateCertificates(new ByteArrayInputStream(bounded(pemOrDer, source)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, source + ": expected X.509 certificates (PEM "
          + "-----BEGIN CERTIFICATE----- or DER): " + reason(e), e);
    }
    List<X509Certificate> out = new ArrayList<>();
    for (Certificate c : read) {
      if (!(c instanceof X509Certificate x)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, source + ": not an X.509 certificate: " + c.getType());
      }
      out.add(x);
    }
    return checked(out, source, "certificate");
  }

  /**
   * Reads certificate revocation lists (for {@link SdJwtVerifyOperation#withX509Crls}).
   *
   * @param pemOrDer the file's bytes: PEM CRLs ({@code -----BEGIN X509 CRL-----}) or one DER CRL
   * @param source what the bytes are, for messages
   * @return the CRLs, at least one, in file order
   * @throws VcException {@link VcErrorCode#LIMIT_EXCEEDED} over the bounds, {@link VcErrorCode#INVALID_DOCUMENT}
   *     when the bytes are not X.509 CRLs
   */
  public static List<X509CRL> crls(byte[] pemOrDer, String source) throws VcException {
    Objects.requireNonNull(source, "source");
    Collection<? extends CRL> read;
    try {
      read = factory().generateCRLs(new ByteArrayInputStream(bounded(pemOrDer, source)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, source + ": expected X.509 CRLs (PEM -----BEGIN X509 "
          + "CRL----- or DER): " + reason(e), e);
    }
    List<X509CRL> out = new ArrayList<>();
    for (CRL c : read) {
      if (!(c instanceof X509CRL x)) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, source + ": not an X.509 CRL: " + c.getType());
      }
      out.add(x);
    }
    return checked(out, source, "CRL");
  }

  private static <T> List<T> checked(List<T> out, String source, String what) throws VcException {
    if (out.isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, source + ": no X.509 " + what + " in it");
    }
    if (out.size() > MAX_ITEMS) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, source + ": " + out.size() + " " + what + "s; at most "
          + MAX_ITEMS + " are read from one file");
    }
    return List.copyOf(out);
  }

  private static byte[] bounded(byte[] bytes, String source) throws VcException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_BYTES) {
      throw new VcException(VcErrorCode.LIMIT_EXCEEDED, source + ": " + bytes.length + " bytes; at most " + MAX_BYTES
          + " are read");
    }
    return bytes;
  }

  /** The parser's reason without exception class names or line breaks. */
  private static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("([A-Za-z_$][A-Za-z0-9_$]*\\.)+[A-Za-z0-9_$]*(Exception|Error): ?", "").replaceAll("\\s+", " ")
        .strip();
  }

  private static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }
}
