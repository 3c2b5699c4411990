package io.github.microcred.vc.internal.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.sdjwt.SdJwtRejection;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The SD-JWT VC "Inline X.509 Certificates" issuer key mechanism (draft-ietf-oauth-sd-jwt-vc, Issuer Verification
 * Key Discovery and Validation): the Issuer-signed JWT's protected {@code x5c} header (RFC 7515 4.1.6: standard
 * base64 DER, the certificate holding the key first) is validated with PKIX (RFC 5280, the JDK's
 * {@link CertPathValidator}) against trust anchors the verifier configured, at the verification time; the
 * end-entity certificate must name {@code iss} (a {@code uniformResourceIdentifier} subject alternative name equal
 * to it, or for an {@code https} issuer a {@code dNSName} equal to its host) and, when it has a key usage, allow
 * {@code digitalSignature}. With CRLs the caller supplied, revocation is checked offline (every certificate of the
 * path needs a current CRL of its issuer; none is fetched); OCSP is never used, as it needs the network. Without
 * {@code iss} the end-entity certificate names the issuer (draft-ietf-oauth-sd-jwt-vc: "the Issuer of the
 * Verifiable Digital Credential is the subject of the end-entity certificate"): its one URI name, or its one DNS
 * name as {@code dns:NAME}.
 *
 * <p>Bounds before any parsing: at most {@link #MAX_CERTIFICATES} certificates of at most {@link #MAX_CERT_CHARS}
 * base64 characters each.
 */
public final class X5cChain {
  /** The {@link VerificationMethod#type()} of a key taken from an {@code x5c} end-entity certificate. */
  public static final String METHOD_TYPE = "X509Certificate";
  /** The most certificates read from one {@code x5c}. */
  public static final int MAX_CERTIFICATES = 8;
  /** The most base64 characters of one certificate. */
  public static final int MAX_CERT_CHARS = 16 * 1024;
  private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
      0x21, 0x00};

  private X5cChain() {}

  /**
   * A validated chain: the end-entity key as a verification method of the issuer, the issuer it names, the
   * end-entity certificate.
   *
   * @param method the key, id {@code <issuer>#x5c}, type {@code X509Certificate}
   * @param issuer {@code iss}, or when there is none the issuer the end-entity certificate names
   * @param leaf the end-entity certificate
   */
  public record Validated(VerificationMethod method, String issuer, X509Certificate leaf) {}

  /**
   * Validates an {@code x5c} header value and returns the end-entity key as a verification method of the issuer.
   *
   * @param x5c the header member
   * @param anchors the configured trust anchors (not empty)
   * @param crls certificate revocation lists; when not empty every certificate of the path must be covered by a
   *     current CRL of its issuer (offline: no CRL distribution point or OCSP responder is contacted)
   * @param issuer the {@code iss} claim, or null when the token has none: the end-entity certificate then names the
   *     issuer ({@link #issuerNamedBy})
   * @param at the verification time
   * @return the validated chain
   * @throws SdJwtFailure {@link SdJwtRejection#X5C_INVALID} for a malformed header or certificate or an unusable
   *     key, {@link SdJwtRejection#X5C_UNTRUSTED} when the chain does not validate to an anchor at {@code at},
   *     {@link SdJwtRejection#X5C_REVOKED} / {@link SdJwtRejection#X5C_REVOCATION_UNKNOWN} for a revoked
   *     certificate / one without a current CRL, {@link SdJwtRejection#X5C_NOT_ISSUER} when the end-entity
   *     certificate does not name {@code iss} (or, without {@code iss}, names no single issuer)
   */
  public static Validated validate(JsonNode x5c, Set<TrustAnchor> anchors, List<X509CRL> crls, String issuer,
      Instant at) throws SdJwtFailure {
    String path = "jwt.header.x5c";
    List<X509Certificate> chain = parse(x5c, path);
    CertificateFactory factory = factory();
    // the anchor may end the chain; PKIX wants the path without it
    X509Certificate last = chain.get(chain.size() - 1);
    if (chain.size() > 1 && anchors.stream().anyMatch(a -> last.equals(a.getTrustedCert()))) {
      chain.remove(chain.size() - 1);
    }
    try {
      CertPath certPath = factory.generateCertPath(chain);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setDate(Date.from(at));
      if (crls.isEmpty()) {
        params.setRevocationEnabled(false);
      } else {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        // CRLs only, never OCSP, never soft-fail: a certificate without a current CRL of its issuer fails
        revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
            PKIXRevocationChecker.Option.NO_FALLBACK));
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        params.setRevocationEnabled(true);
        params.addCertPathChecker(revocation);
        validator.validate(certPath, params);
        return named(chain.get(0), issuer, path);
      }
      CertPathValidator.getInstance("PKIX").validate(certPath, params);
    } catch (CertPathValidatorException e) {
      int index = e.getIndex();
      String where = index >= 0 ? path + "[" + index + "]" : path;
      if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
        throw new SdJwtFailure(SdJwtRejection.X5C_REVOKED, where, "the certificate is revoked by its issuer's "
            + "CRL at " + at + ": " + e.getMessage());
      }
      if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
        throw new SdJwtFailure(SdJwtRejection.X5C_REVOCATION_UNKNOWN, where, "no current CRL of the certificate's "
            + "issuer among the configured CRLs at " + at + " (a CRL past its nextUpdate is not current; revocation"
            + " is checked offline and fails closed): " + e.getMessage());
      }
      throw new SdJwtFailure(SdJwtRejection.X5C_UNTRUSTED, where,
          "the certificate chain does not validate to a configured trust anchor at " + at + ": "
              + (e.getReason() == null ? "" : e.getReason() + ": ") + e.getMessage());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SdJwtFailure(SdJwtRejection.X5C_UNTRUSTED, path, "the certificate chain cannot be validated: "
          + e.getMessage());
    }
    return named(chain.get(0), issuer, path);
  }

  private static Validated named(X509Certificate leaf, String issuer, String path) throws SdJwtFailure {
    boolean[] usage = leaf.getKeyUsage();
    if (usage != null && !usage[0]) {
      throw new SdJwtFailure(SdJwtRejection.X5C_UNTRUSTED, path + "[0]", "the end-entity certificate's key usage "
          + "does not allow digitalSignature");
    }
    if (issuer == null) {
      List<String> named = issuerNamedBy(leaf);
      if (named.size() != 1) {
        throw new SdJwtFailure(SdJwtRejection.X5C_NOT_ISSUER, path + "[0]", "no iss, and the end-entity "
            + "certificate (" + leaf.getSubjectX500Principal().getName() + ", subject alternative names "
            + altNames(leaf) + ") names " + (named.isEmpty() ? "no issuer" : named.size() + " issuers " + named)
            + ": the issuer is its one URI name, or without one its one DNS name (as dns:NAME); the subject's CN "
            + "is not read");
      }
      issuer = named.get(0);
    } else if (!namesIssuer(leaf, issuer)) {
      throw new SdJwtFailure(SdJwtRejection.X5C_NOT_ISSUER, path + "[0]", "the end-entity certificate ("
          + leaf.getSubjectX500Principal().getName() + ", subject alternative names " + altNames(leaf)
          + ") does not name the issuer '" + issuer + "' (a URI name equal to it, or for an https or dns: issuer a "
          + "DNS name equal to its host)");
    }
    return new Validated(new VerificationMethod(issuer + "#x5c", METHOD_TYPE, issuer,
        endEntityKey(leaf, path + "[0]")), issuer, leaf);
  }

  /**
   * The issuer an end-entity certificate names when a token has no {@code iss}: its {@code uniformResourceIdentifier}
   * subject alternative names, or when it has none its {@code dNSName}s as RFC 4501 {@code dns:} URIs. The subject
   * distinguished name (its CN) is never read. One name is an issuer; none or several are not.
   *
   * @param leaf the end-entity certificate
   * @return the names, in certificate order
   */
  public static List<String> issuerNamedBy(X509Certificate leaf) {
    List<String> uris = new ArrayList<>();
    List<String> dns = new ArrayList<>();
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      for (List<?> n : names == null ? List.<List<?>>of() : names) {
        if ((Integer) n.get(0) == 6 && n.get(1) instanceof String u && !u.isEmpty()) {
          uris.add(u);
        } else if ((Integer) n.get(0) == 2 && n.get(1) instanceof String d && !d.isEmpty()) {
          dns.add("dns:" + d.toLowerCase(Locale.ROOT));
        }
      }
    } catch (CertificateParsingException e) {
      return List.of();
    }
    return List.copyOf(uris.isEmpty() ? dns : uris);
  }

  /**
   * Reads an {@code x5c} value into certificates, bounded, each strict DER.
   *
   * @param x5c the header member (or an issuer's chain as JSON)
   * @param path the JSON path for messages
   * @return the certificates, the end-entity first (a mutable list)
   * @throws SdJwtFailure {@link SdJwtRejection#X5C_INVALID} or {@link SdJwtRejection#TOO_LARGE}
   */
  static List<X509Certificate> parse(JsonNode x5c, String path) throws SdJwtFailure {
    if (x5c == null || !x5c.isArray() || x5c.isEmpty()) {
      throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, path, "expected a non-empty array of base64 DER "
          + "certificates, the issuer's first");
    }
    if (x5c.size() > MAX_CERTIFICATES) {
      throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, path, x5c.size() + " certificates; at most "
          + MAX_CERTIFICATES + " are read");
    }
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory factory = factory();
    for (int i = 0; i < x5c.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode n = x5c.get(i);
      if (!n.isTextual() || n.asText().isEmpty()) {
        throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, p, "expected a base64 DER certificate string");
      }
      if (n.asText().length() > MAX_CERT_CHARS) {
        throw new SdJwtFailure(SdJwtRejection.TOO_LARGE, p, "a certificate of " + n.asText().length()
            + " characters; at most " + MAX_CERT_CHARS + " are read");
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(n.asText());
      } catch (IllegalArgumentException e) {
        throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, p, "not standard base64 (RFC 7515 4.1.6: base64, "
            + "not base64url): " + e.getMessage());
      }
      try {
        var certs = factory.generateCertificates(new ByteArrayInputStream(der));
        if (certs.size() != 1) {
          throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, p, "expected one DER X.509 certificate, got "
              + certs.size());
        }
        X509Certificate c = (X509Certificate) certs.iterator().next();
        if (!Arrays.equals(c.getEncoded(), der)) {
          throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, p, "not one DER certificate (trailing or "
              + "re-encoded bytes)");
        }
        chain.add(c);
      } catch (GeneralSecurityException | ClassCastException e) {
        throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, p, "not a DER X.509 certificate: " + e.getMessage());
      }
    }
    return chain;
  }

  private static CertificateFactory factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }

  /**
   * Trust anchors from certificates.
   *
   * @param certificates the anchors' certificates
   * @return the anchors
   * @throws IllegalArgumentException when there are none
   */
  public static Set<TrustAnchor> anchors(Collection<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("trust anchors: expected at least one certificate");
    }
    Set<TrustAnchor> out = new LinkedHashSet<>();
    for (X509Certificate c : certificates) {
      out.add(new TrustAnchor(Objects.requireNonNull(c, "certificate"), null));
    }
    return Set.copyOf(out);
  }

  /**
   * Whether an end-entity certificate names an issuer: a URI subject alternative name equal to it, or for an
   * {@code https} issuer (or an RFC 4501 {@code dns:} one) a DNS name equal to its host.
   *
   * @param leaf the certificate
   * @param issuer the issuer id
   * @return true when named
   */
  public static boolean namesIssuer(X509Certificate leaf, String issuer) {
    String host = null;
    try {
      URI u = new URI(issuer);
      if ("https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
        host = u.getHost().toLowerCase(Locale.ROOT);
      } else if ("dns".equals(u.getScheme()) && u.getRawSchemeSpecificPart().matches("[A-Za-z0-9.-]+")) {
        host = u.getRawSchemeSpecificPart().toLowerCase(Locale.ROOT);
      }
    } catch (URISyntaxException e) {
      // not a URI: only an equal URI name can match, and none will
    }
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> n : names) {
        int type = (Integer) n.get(0);
        Object value = n.get(1);
        if (type == 6 && issuer.equals(value)) {
          return true;
        }
        if (type == 2 && host != null && value instanceof String s && s.toLowerCase(Locale.ROOT).equals(host)) {
          return true;
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    return false;
  }

  private static String altNames(X509Certificate leaf) {
    try {
      Collection<List<?>> names = leaf.getSubjectAlternativeNames();
      if (names == null) {
        return "none";
      }
      List<String> out = new ArrayList<>();
      for (List<?> n : names) {
        out.add(switch ((Integer) n.get(0)) {
          case 2 -> "DNS:" + n.get(1);
          case 6 -> "URI:" + n.get(1);
          default -> "type " + n.get(0);
        });
      }
      return out.toString();
    } catch (CertificateParsingException e) {
      return "unreadable";
    }
  }

  /**
   * The end-entity certificate's key as a vc key.
   *
   * @param leaf the certificate
   * @param path the JSON path for messages
   * @return the key
   * @throws SdJwtFailure {@link SdJwtRejection#X5C_INVALID} for a key that is not Ed25519, P-256 or P-384
   */
  public static PublicKey endEntityKey(X509Certificate leaf, String path) throws SdJwtFailure {
    // qualified: vc's own PublicKey is this method's return type
    java.security.PublicKey k = leaf.getPublicKey();
    try {
      if (k instanceof ECPublicKey ec) {
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        KeyType type = bits == 256 ? KeyType.P256 : bits == 384 ? KeyType.P384 : null;
        if (type == null) {
          throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, path, "an EC key of a " + bits
              + "-bit curve; P-256 or P-384 expected");
        }
        var jwk = JsonSupport.MAPPER.createObjectNode().put("kty", "EC")
            .put("crv", type.jwkCurve()).put("x", b64(ec.getW().getAffineX(), bits / 8))
            .put("y", b64(ec.getW().getAffineY(), bits / 8));
        if (!named(ec.getParams(), bits == 256 ? "secp256r1" : "secp384r1")) {
          throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, path, "an EC key of an unnamed " + bits
              + "-bit curve; P-256 or P-384 expected");
        }
        PublicKey pk = PublicKey.fromJwk(jwk);
        return pk;
      }
      byte[] spki = k.getEncoded();
      if (spki != null && spki.length == ED25519_SPKI_PREFIX.length + 32
          && Arrays.equals(Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX)) {
        return PublicKey.create(KeyType.ED25519, Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length));
      }
    } catch (VcException | GeneralSecurityException e) {
      throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, path, "the end-entity key is unusable: " + e.getMessage());
    }
    throw new SdJwtFailure(SdJwtRejection.X5C_INVALID, path, "the end-entity key is " + k.getAlgorithm()
        + "; an Ed25519, P-256 or P-384 key is expected (EdDSA, ES256, ES384)");
  }

  private static boolean named(ECParameterSpec p, String curve)
      throws GeneralSecurityException {
    var params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec(curve));
    var named = params.getParameterSpec(ECParameterSpec.class);
    return named.getCurve().equals(p.getCurve()) && named.getGenerator().equals(p.getGenerator())
        && named.getOrder().equals(p.getOrder()) && named.getCofactor() == p.getCofactor();
  }

  private static String b64(BigInteger v, int len) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }
}
