package io.github.microcred.vc.sdjwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.impl.ECDSA;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The SD-JWT VC "Inline X.509 Certificates" issuer key mechanism: an Issuer-signed JWT whose {@code x5c} chain
 * (generated here: root CA, intermediate CA, end-entity) validates with PKIX to a configured trust anchor is verified
 * with the end-entity key; an untrusted root, an expired certificate, a non-CA intermediate, a key usage without
 * {@code digitalSignature}, a certificate that does not name {@code iss}, a signature by another key, malformed
 * headers and too many certificates are each refused with their {@link SdJwtRejection}. The certificates are built
 * with BouncyCastle's builder (test only); the validation under test is the JDK's PKIX.
 */
class SdJwtX5cTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
  /** The CAs' validity: 2024 to 2028. */
  static final Instant CA_FROM = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant CA_UNTIL = Instant.parse("2028-01-01T00:00:00Z");
  static final String ISS = "https://issuer.example/credentials";
  static final AtomicLong SERIAL = new AtomicLong(1);

  /** A key pair and its certificate. */
  record Party(KeyPair keys, X509Certificate cert) {}

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** Options of one certificate; defaults make a valid CA. */
  record Spec(String subject, boolean ca, Integer keyUsage, GeneralName san, Instant from, Instant until) {
    static Spec ca(String subject) {
      return new Spec(subject, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null, CA_FROM, CA_UNTIL);
    }

    static Spec leaf(GeneralName san) {
      return new Spec("CN=Issuer", false, KeyUsage.digitalSignature, san, FROM, UNTIL);
    }
  }

  /** Issues a certificate for {@code keys} by {@code by} (null: self-signed). */
  static Party issue(Spec spec, KeyPair keys, Party by) throws Exception {
    X500Name subject = new X500Name(spec.subject());
    X500Name issuer = by == null ? subject : new X500Name(by.cert().getSubjectX500Principal().getName());
    var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(spec.from()), Date.from(spec.until()), subject, keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, spec.ca() ? new BasicConstraints(1) : new BasicConstraints(false));
    if (spec.keyUsage() != null) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
    }
    if (spec.san() != null) {
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(spec.san()));
    }
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(by == null ? keys.getPrivate()
        : by.keys().getPrivate());
    return new Party(keys, new JcaX509CertificateConverter().getCertificate(b.build(signer)));
  }

  static Party root(String name) throws Exception {
    return issue(Spec.ca("CN=" + name), ec(), null);
  }

  static String b64(X509Certificate c) throws Exception {
    return Base64.getEncoder().encodeToString(c.getEncoded());
  }

  static String b64url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * An SD-JWT VC (without Key Binding) with one Disclosure ({@code given_name}), its Issuer-signed JWT's header
   * carrying {@code x5c}, signed with {@code signer}.
   */
  static String token(ArrayNode x5c, KeyPair signer, String iss) throws Exception {
    String disclosure = b64url(JSON.writeValueAsBytes(JSON.createArrayNode().add("2GLC42sKQveCfGfryNRN9w")
        .add("given_name").add("Erika")));
    String digest = b64url(MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
    ObjectNode header = JSON.createObjectNode().put("alg", "ES256").put("typ", SdJwt.TYP);
    if (x5c != null) {
      header.set("x5c", x5c);
    }
    ObjectNode payload = JSON.createObjectNode().put("iss", iss).put("vct", "https://issuer.example/vct/badge")
        .put("iat", CA_FROM.getEpochSecond()).put("_sd_alg", "sha-256");
    payload.putArray("_sd").add(digest);
    String input = b64url(JSON.writeValueAsBytes(header)) + "." + b64url(JSON.writeValueAsBytes(payload));
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(signer.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64url(ECDSA.transcodeSignatureToConcat(s.sign(), 64)) + "~" + disclosure + "~";
  }

  static ArrayNode chain(X509Certificate... certs) throws Exception {
    ArrayNode a = JSON.createArrayNode();
    for (X509Certificate c : certs) {
      a.add(b64(c));
    }
    return a;
  }

  static SdJwtVerification verify(String token, Instant at, X509Certificate... anchors) {
    SdJwtVerifyOperation op = SdJwt.verify(token).withoutKeyBinding().withClock(Clock.fixed(at, ZoneOffset.UTC));
    return anchors.length == 0 ? op.get() : op.withX509TrustAnchors(List.of(anchors)).get();
  }

  static void assertRejected(SdJwtVerification v, SdJwtRejection why, String path, String words) {
    assertFalse(v.verified(), v::toString);
    assertEquals(List.of(why), v.rejections(), v::toString);
    VerificationCheck failed = v.result().failures().get(0);
    assertTrue(failed.path().equals(path) || path.equals("jwt.header.x5c") && failed.path().startsWith(path),
        failed.path() + " is not " + path + ": " + v);
    assertTrue(failed.message().contains(words), failed.message());
  }

  final Party root;
  final Party intermediate;
  final Party leaf;

  SdJwtX5cTest() throws Exception {
    root = root("Root CA");
    intermediate = issue(Spec.ca("CN=Intermediate CA"), ec(), root);
    leaf = issue(Spec.leaf(new GeneralName(GeneralName.dNSName, "issuer.example")), ec(), intermediate);
  }

  @Test
  void aChainToAConfiguredAnchorVerifiesWithTheEndEntityKey() throws Exception {
    String t = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    SdJwtVerification v = verify(t, NOW, root.cert());
    assertTrue(v.verified(), v::toString);
    assertEquals("Erika", v.claims().orElseThrow().path("given_name").asText());
    assertTrue(v.result().checks(CheckName.PURPOSE_AND_CONTROLLER).stream().anyMatch(c -> !c.failed()
        && c.path().equals("jwt.header.x5c")), v::toString);
    // the root may end the chain; a URI name equal to iss binds as a DNS name of its host does
    assertTrue(verify(token(chain(leaf.cert(), intermediate.cert(), root.cert()), leaf.keys(), ISS), NOW,
        root.cert()).verified());
    Party byUri = issue(Spec.leaf(new GeneralName(GeneralName.uniformResourceIdentifier, ISS)), ec(), intermediate);
    assertTrue(verify(token(chain(byUri.cert(), intermediate.cert()), byUri.keys(), ISS), NOW, root.cert())
        .verified());
    // an intermediate may itself be the configured anchor
    assertTrue(verify(t, NOW, intermediate.cert()).verified());
  }

  @Test
  void withoutAnchorsX5cIsNotReadAndTheIssuerDoesNotResolve() throws Exception {
    String t = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    SdJwtVerification v = verify(t, NOW);
    assertFalse(v.verified(), v::toString);
    assertEquals(List.of(SdJwtRejection.KEY_UNRESOLVED), v.rejections(), v::toString);
    assertThrows(IllegalArgumentException.class, () -> SdJwt.verify(t).withX509TrustAnchors(List.of()));
  }

  @Test
  void aChainToAnotherRootIsUntrusted() throws Exception {
    Party other = root("Other Root CA");
    String t = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    assertRejected(verify(t, NOW, other.cert()), SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c",
        "does not validate to a configured trust anchor");
    // the attacker's own chain, naming the issuer, with the attacker's root in x5c: still not an anchor
    Party mallory = root("Root CA");
    Party malloryLeaf = issue(Spec.leaf(new GeneralName(GeneralName.dNSName, "issuer.example")), ec(), mallory);
    assertRejected(verify(token(chain(malloryLeaf.cert(), mallory.cert()), malloryLeaf.keys(), ISS), NOW,
        root.cert()), SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c", "trust anchor");
    // the leaf alone, without the intermediate that links it to the root
    assertRejected(verify(token(chain(leaf.cert()), leaf.keys(), ISS), NOW, root.cert()),
        SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c", "trust anchor");
  }

  @Test
  void expiredAndNotYetValidCertificatesAreUntrustedAtTheVerificationTime() throws Exception {
    Spec old = new Spec("CN=Issuer", false, KeyUsage.digitalSignature,
        new GeneralName(GeneralName.dNSName, "issuer.example"), Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:00Z"));
    Party expired = issue(old, ec(), intermediate);
    String t = token(chain(expired.cert(), intermediate.cert()), expired.keys(), ISS);
    assertRejected(verify(t, NOW, root.cert()), SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c[0]", "trust anchor");
    assertTrue(verify(t, Instant.parse("2025-06-01T00:00:00Z"), root.cert()).verified(),
        "the same chain within its validity");
    String fresh = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    assertRejected(verify(fresh, Instant.parse("2025-12-31T00:00:00Z"), root.cert()), SdJwtRejection.X5C_UNTRUSTED,
        "jwt.header.x5c[0]", "trust anchor");
    // an expired intermediate makes a valid leaf untrusted too
    Party oldCa = issue(new Spec("CN=Old Intermediate CA", true, KeyUsage.keyCertSign, null, CA_FROM,
        Instant.parse("2026-03-01T00:00:00Z")), ec(), root);
    Party underOld = issue(Spec.leaf(new GeneralName(GeneralName.dNSName, "issuer.example")), ec(), oldCa);
    assertRejected(verify(token(chain(underOld.cert(), oldCa.cert()), underOld.keys(), ISS), NOW, root.cert()),
        SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c[1]", "trust anchor");
  }

  @Test
  void aSignatureByAnotherKeyThanTheCertificatesFails() throws Exception {
    String t = token(chain(leaf.cert(), intermediate.cert()), ec(), ISS);
    SdJwtVerification v = verify(t, NOW, root.cert());
    assertFalse(v.verified(), v::toString);
    assertEquals(List.of(SdJwtRejection.SIGNATURE_INVALID), v.rejections(), v::toString);
    // the intermediate's key signing, the leaf's certificate presented
    assertEquals(List.of(SdJwtRejection.SIGNATURE_INVALID), verify(token(chain(leaf.cert(), intermediate.cert()),
        intermediate.keys(), ISS), NOW, root.cert()).rejections());
  }

  @Test
  void aCertificateThatDoesNotNameTheIssuerFails() throws Exception {
    String t = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), "https://other.example");
    assertRejected(verify(t, NOW, root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]",
        "does not name the issuer 'https://other.example'");
    // a DNS name binds only an https issuer of that host, not a look-alike
    for (String iss : new String[] {"http://issuer.example", "https://issuer.example.evil", "did:web:issuer.example",
        "https://evil.example/issuer.example"}) {
      assertRejected(verify(token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), iss), NOW, root.cert()),
          SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", iss);
    }
    Party noSan = issue(Spec.leaf(null), ec(), intermediate);
    assertRejected(verify(token(chain(noSan.cert(), intermediate.cert()), noSan.keys(), ISS), NOW, root.cert()),
        SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "subject alternative names none");
  }

  @Test
  void aNonCaIntermediateAndAKeyUsageWithoutDigitalSignatureAreUntrusted() throws Exception {
    // the leaf certifies another key: it is not a CA
    Party below = issue(Spec.leaf(new GeneralName(GeneralName.dNSName, "issuer.example")), ec(), leaf);
    assertRejected(verify(token(chain(below.cert(), leaf.cert(), intermediate.cert()), below.keys(), ISS), NOW,
        root.cert()), SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c[1]", "trust anchor");
    Spec encipherOnly = new Spec("CN=Issuer", false, KeyUsage.keyEncipherment,
        new GeneralName(GeneralName.dNSName, "issuer.example"), FROM, UNTIL);
    Party enc = issue(encipherOnly, ec(), intermediate);
    assertRejected(verify(token(chain(enc.cert(), intermediate.cert()), enc.keys(), ISS), NOW, root.cert()),
        SdJwtRejection.X5C_UNTRUSTED, "jwt.header.x5c[0]", "digitalSignature");
  }

  @Test
  void malformedAndOversizedX5cHeadersAreRefusedBeforeValidation() throws Exception {
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {JSON.createArrayNode(), SdJwtRejection.X5C_INVALID, "jwt.header.x5c", "non-empty array"});
    cases.add(new Object[] {JSON.createArrayNode().add(1), SdJwtRejection.X5C_INVALID, "jwt.header.x5c[0]",
        "certificate string"});
    cases.add(new Object[] {JSON.createArrayNode().add("not base64!"), SdJwtRejection.X5C_INVALID,
        "jwt.header.x5c[0]", "standard base64"});
    cases.add(new Object[] {JSON.createArrayNode().add(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03,
        0x02, 0x01, 0x01})), SdJwtRejection.X5C_INVALID, "jwt.header.x5c[0]", "X.509"});
    byte[] der = leaf.cert().getEncoded();
    byte[] trailing = java.util.Arrays.copyOf(der, der.length + 2);
    cases.add(new Object[] {JSON.createArrayNode().add(Base64.getEncoder().encodeToString(trailing))
        .add(b64(intermediate.cert())), SdJwtRejection.X5C_INVALID, "jwt.header.x5c[0]", ""});
    ArrayNode many = JSON.createArrayNode();
    for (int i = 0; i <= io.github.microcred.vc.internal.sdjwt.X5cChain.MAX_CERTIFICATES; i++) {
      many.add(b64(leaf.cert()));
    }
    cases.add(new Object[] {many, SdJwtRejection.TOO_LARGE, "jwt.header.x5c", "at most"});
    // a header past its 8 KiB bound is refused before it is parsed (so is a certificate past its own bound)
    cases.add(new Object[] {JSON.createArrayNode().add("A".repeat(io.github.microcred.vc.internal.sdjwt.X5cChain
        .MAX_CERT_CHARS + 4)), SdJwtRejection.TOO_LARGE, "jwt.header", "larger than"});
    for (Object[] c : cases) {
      ArrayNode x5c = (ArrayNode) c[0];
      SdJwtVerification v = verify(token(x5c, leaf.keys(), ISS), NOW, root.cert());
      assertRejected(v, (SdJwtRejection) c[1], (String) c[2], (String) c[3]);
    }
    // x5c not an array
    String t = token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    String[] parts = t.split("\\.");
    ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    header.put("x5c", b64(leaf.cert()));
    String forged = b64url(JSON.writeValueAsBytes(header)) + "." + parts[1] + "." + parts[2];
    assertRejected(verify(forged, NOW, root.cert()), SdJwtRejection.X5C_INVALID, "jwt.header.x5c", "array");
  }
}
