package io.github.microcred.vc.sdjwt;

import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.CA_FROM;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.ISS;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.JSON;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.NOW;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.assertRejected;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.b64url;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.chain;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.ec;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.issue;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.root;
import static io.github.microcred.vc.sdjwt.SdJwtX5cTest.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.sdjwt.SdJwtX5cTest.Party;
import io.github.microcred.vc.sdjwt.SdJwtX5cTest.Spec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@code x5c} issuers beyond the chain validation of {@link SdJwtX5cTest}: issuing with the chain in the header
 * (the end-entity key must be the signing key), tokens without {@code iss} whose end-entity certificate names the
 * issuer (draft-ietf-oauth-sd-jwt-vc: "the Issuer of the Verifiable Digital Credential is the subject of the
 * end-entity certificate"), offline CRL revocation with CRLs made here by BouncyCastle's builder (the checking is the
 * JDK's PKIX revocation checker), and reading PEM / DER files ({@link X509Files}).
 */
class SdJwtX5cIssuerTest {
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  final Party root;
  final Party intermediate;

  SdJwtX5cIssuerTest() throws Exception {
    root = root("Root CA");
    intermediate = issue(Spec.ca("CN=Intermediate CA"), ec(), root);
  }

  /** A vc P-256 key and a certificate of it, by the intermediate. */
  record Issuer(io.github.microcred.vc.KeyPair key, X509Certificate cert) {}

  Issuer issuer(GeneralName san, Integer keyUsage) throws Exception {
    io.github.microcred.vc.KeyPair key = io.github.microcred.vc.KeyPair.generate(KeyType.P256);
    KeyPair publicOnly = new KeyPair(ECKey.parse(key.publicKey().toJwk().toString()).toECPublicKey(), null);
    Spec spec = new Spec("CN=Issuer", false, keyUsage, san, SdJwtX5cTest.FROM, SdJwtX5cTest.UNTIL);
    return new Issuer(key, issue(spec, publicOnly, intermediate).cert());
  }

  static GeneralName dns(String name) {
    return new GeneralName(GeneralName.dNSName, name);
  }

  static GeneralName uri(String name) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, name);
  }

  static ObjectNode badge(String issuer) {
    ObjectNode b = SdJwtFixtures.resource("ob3-badge.json");
    ((ObjectNode) b.get("issuer")).put("id", issuer);
    return b;
  }

  // --- issuing with x5c

  @Test
  void anSdJwtVcIssuedWithX5cVerifiesAgainstTheAnchorAndOnlyIt() throws Exception {
    Issuer is = issuer(dns("issuer.example"), KeyUsage.digitalSignature);
    String token = SdJwt.issue(badge(ISS), is.key()).withX5c(List.of(is.cert(), intermediate.cert()))
        .withDisclosable("/name").withClock(CLOCK).get();
    ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    assertEquals(List.of(SdJwtX5cTest.b64(is.cert()), SdJwtX5cTest.b64(intermediate.cert())),
        List.of(header.get("x5c").get(0).asText(), header.get("x5c").get(1).asText()));
    assertFalse(header.has("kid"), header::toString);
    SdJwtVerification v = verify(token, NOW, root.cert());
    assertTrue(v.verified(), v::toString);
    assertEquals(ISS, v.issuer().orElseThrow());
    assertEquals(ISS, v.claims().orElseThrow().path("iss").asText());
    assertRejected(verify(token, NOW, root("Other Root CA").cert()), SdJwtRejection.X5C_UNTRUSTED,
        "jwt.header.x5c", "trust anchor");
    assertEquals(List.of(SdJwtRejection.KEY_UNRESOLVED), verify(token, NOW).rejections(), "no anchors: as before");
    // a kid set explicitly is kept beside x5c
    String withKid = SdJwt.issue(badge(ISS), is.key()).withX5c(List.of(is.cert(), intermediate.cert()))
        .withKeyId(ISS + "#key-1").withClock(CLOCK).get();
    assertTrue(verify(withKid, NOW, root.cert()).verified());
  }

  @Test
  void issuingWithX5cRefusesAChainThatDoesNotFitTheKeyOrTheIssuer() throws Exception {
    Issuer is = issuer(dns("issuer.example"), KeyUsage.digitalSignature);
    io.github.microcred.vc.KeyPair other = io.github.microcred.vc.KeyPair.generate(KeyType.P256);
    VcException e = assertThrows(VcException.class, () -> SdJwt.issue(badge(ISS), other)
        .withX5c(List.of(is.cert(), intermediate.cert())).get());
    assertEquals(VcErrorCode.INVALID_KEY, e.code());
    assertTrue(e.getMessage().startsWith("x5c[0]: ") && e.getMessage().contains("another key"), e.getMessage());
    // the intermediate first: its key is not the signing key either
    assertEquals(VcErrorCode.INVALID_KEY, assertThrows(VcException.class, () -> SdJwt.issue(badge(ISS), is.key())
        .withX5c(List.of(intermediate.cert(), is.cert())).get()).code());
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge("https://other.example"), is.key())
        .withX5c(List.of(is.cert())).get());
    assertEquals(VcErrorCode.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().contains("does not name the issuer 'https://other.example'"), e.getMessage());
    Issuer enc = issuer(dns("issuer.example"), KeyUsage.keyEncipherment);
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(ISS), enc.key()).withX5c(List.of(enc.cert())).get());
    assertTrue(e.getMessage().contains("digitalSignature"), e.getMessage());
    // an Ed25519 signing key with a P-256 certificate
    e = assertThrows(VcException.class, () -> SdJwt.issue(badge(ISS), io.github.microcred.vc.KeyPair.generate(
        KeyType.ED25519)).withX5c(List.of(is.cert())).get());
    assertEquals(VcErrorCode.INVALID_KEY, e.code());
    assertThrows(IllegalArgumentException.class, () -> SdJwt.issue(badge(ISS), is.key()).withX5c(List.of()));
    assertThrows(IllegalArgumentException.class, () -> SdJwt.issue(badge(ISS), is.key())
        .withX5c(Collections.nCopies(9, is.cert())));
  }

  // --- no iss: the end-entity certificate names the issuer

  /** A signed SD-JWT (no Disclosures) with this payload and an x5c header. */
  static String token(ArrayNode x5c, KeyPair signer, ObjectNode payload) throws Exception {
    ObjectNode header = JSON.createObjectNode().put("alg", "ES256").put("typ", SdJwt.TYP);
    header.set("x5c", x5c);
    String input = b64url(JSON.writeValueAsBytes(header)) + "." + b64url(JSON.writeValueAsBytes(payload));
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(signer.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64url(ECDSA.transcodeSignatureToConcat(s.sign(), 64)) + "~";
  }

  static ObjectNode claims() {
    return JSON.createObjectNode().put("vct", "https://issuer.example/vct/badge").put("iat", CA_FROM.getEpochSecond())
        .put("given_name", "Erika");
  }

  Party leaf(GeneralName... sans) throws Exception {
    Party p = issue(Spec.leaf(null), ec(), intermediate);
    if (sans.length == 0) {
      return p;
    }
    var b = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
        new X500Name(intermediate.cert().getSubjectX500Principal().getName()), BigInteger.valueOf(
            SdJwtX5cTest.SERIAL.getAndIncrement()), Date.from(SdJwtX5cTest.FROM), Date.from(SdJwtX5cTest.UNTIL),
        new X500Name("CN=Issuer"), p.keys().getPublic());
    b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true,
        new org.bouncycastle.asn1.x509.BasicConstraints(false));
    b.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
        new org.bouncycastle.asn1.x509.GeneralNames(sans));
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(intermediate.keys().getPrivate());
    return new Party(p.keys(), new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
        b.build(signer)));
  }

  @Test
  void withoutIssTheEndEntityCertificatesOneNameIsTheIssuer() throws Exception {
    Party byUri = leaf(uri(ISS));
    SdJwtVerification v = verify(token(chain(byUri.cert(), intermediate.cert()), byUri.keys(), claims()), NOW,
        root.cert());
    assertTrue(v.verified(), v::toString);
    assertEquals(ISS, v.issuer().orElseThrow());
    assertTrue(v.result().checks().stream().anyMatch(c -> !c.failed() && c.message().contains("no iss: the "
        + "certificate names the issuer")), v::toString);
    // a DNS name only: the issuer is dns:NAME (RFC 4501), and an iss of that form is matched by the DNS name
    Party byDns = leaf(dns("Issuer.Example"));
    v = verify(token(chain(byDns.cert(), intermediate.cert()), byDns.keys(), claims()), NOW, root.cert());
    assertTrue(v.verified(), v::toString);
    assertEquals("dns:issuer.example", v.issuer().orElseThrow());
    assertTrue(verify(token(chain(byDns.cert(), intermediate.cert()), byDns.keys(), claims()
        .put("iss", "dns:issuer.example")), NOW, root.cert()).verified());
    // a URI name wins over DNS names
    Party both = leaf(dns("issuer.example"), uri(ISS));
    assertEquals(ISS, verify(token(chain(both.cert(), intermediate.cert()), both.keys(), claims()), NOW, root.cert())
        .issuer().orElseThrow());
    // without anchors x5c is not read, and there is no issuer
    assertEquals(List.of(SdJwtRejection.ISSUER_MISSING), verify(token(chain(byUri.cert(), intermediate.cert()),
        byUri.keys(), claims()), NOW).rejections());
  }

  @Test
  void withoutIssACertificateNamingNoSingleIssuerOrTheWrongOneIsRefused() throws Exception {
    // no SAN at all; the subject's CN holding the issuer's URL is not read
    Party noSan = leaf();
    assertRejected(verify(token(chain(noSan.cert(), intermediate.cert()), noSan.keys(), claims()), NOW, root.cert()),
        SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "names no issuer");
    Party cnOnly = issue(new Spec("CN=" + ISS, false, KeyUsage.digitalSignature, null, SdJwtX5cTest.FROM,
        SdJwtX5cTest.UNTIL), ec(), intermediate);
    assertRejected(verify(token(chain(cnOnly.cert(), intermediate.cert()), cnOnly.keys(), claims()), NOW,
        root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "CN is not read");
    // two URI names, or two DNS names: which one is the issuer is not said
    Party twoUris = leaf(uri(ISS), uri("https://other.example"));
    assertRejected(verify(token(chain(twoUris.cert(), intermediate.cert()), twoUris.keys(), claims()), NOW,
        root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "names 2 issuers");
    Party twoDns = leaf(dns("issuer.example"), dns("other.example"));
    assertRejected(verify(token(chain(twoDns.cert(), intermediate.cert()), twoDns.keys(), claims()), NOW,
        root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "names 2 issuers");
    // ... but an iss chooses among them, and must be one of them
    assertTrue(verify(token(chain(twoUris.cert(), intermediate.cert()), twoUris.keys(), claims()
        .put("iss", "https://other.example")), NOW, root.cert()).verified());
    Party byUri = leaf(uri(ISS));
    for (String iss : new String[] {"https://other.example", ISS + "/", "dns:issuer.example", "HTTPS://issuer.example"
        + "/credentials"}) {
      assertRejected(verify(token(chain(byUri.cert(), intermediate.cert()), byUri.keys(), claims().put("iss", iss)),
          NOW, root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "does not name the issuer");
    }
    Party byDns = leaf(dns("issuer.example"));
    for (String iss : new String[] {"dns:other.example", "dns:issuer.example.evil", "dns:", "dns:issuer.example/x"}) {
      assertRejected(verify(token(chain(byDns.cert(), intermediate.cert()), byDns.keys(), claims().put("iss", iss)),
          NOW, root.cert()), SdJwtRejection.X5C_NOT_ISSUER, "jwt.header.x5c[0]", "does not name the issuer");
    }
    // an empty or non-string iss is not "no iss"
    for (ObjectNode c : List.of(claims().put("iss", ""), claims().put("iss", 7))) {
      assertEquals(List.of(SdJwtRejection.ISSUER_MISSING), verify(token(chain(byUri.cert(), intermediate.cert()),
          byUri.keys(), c), NOW, root.cert()).rejections());
    }
  }

  @Test
  void withoutIssAW3cCredentialsIssuerMustBeNamedByTheCertificate() throws Exception {
    Party byDns = leaf(dns("issuer.example"));
    ObjectNode vc = badge(ISS);
    vc.setAll(JSON.createObjectNode().put("vct", SdJwt.VCT_OPEN_BADGE).put("iat", CA_FROM.getEpochSecond()));
    SdJwtVerification v = verify(token(chain(byDns.cert(), intermediate.cert()), byDns.keys(), vc), NOW, root.cert());
    assertTrue(v.verified(), v::toString);
    assertEquals(ISS, v.issuer().orElseThrow(), "the credential's issuer, which the certificate names");
    ObjectNode other = vc.deepCopy();
    ((ObjectNode) other.get("issuer")).put("id", "https://other.example/issuer");
    SdJwtVerification refused = verify(token(chain(byDns.cert(), intermediate.cert()), byDns.keys(), other), NOW,
        root.cert());
    assertEquals(List.of(SdJwtRejection.ISS_MISMATCH), refused.rejections(), refused::toString);
    assertTrue(refused.result().failures().get(0).message().contains("no iss: the x5c end-entity certificate names"),
        refused::toString);
  }

  // --- revocation from CRLs the caller supplied

  static X509CRL crl(Party ca, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) throws Exception {
    var b = new X509v2CRLBuilder(new X500Name(ca.cert().getSubjectX500Principal().getName()), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(nextUpdate));
    for (X509Certificate r : revoked) {
      b.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(ca.keys().getPrivate())));
  }

  SdJwtVerification verifyWithCrls(String token, List<X509CRL> crls) {
    return SdJwt.verify(token).withoutKeyBinding().withClock(CLOCK).withX509TrustAnchors(List.of(root.cert()))
        .withX509Crls(crls).get();
  }

  @Test
  void aCertificateRevokedByItsIssuersCrlIsRefusedAndAStaleOrMissingCrlFailsClosed() throws Exception {
    Party leaf = leaf(dns("issuer.example"));
    String t = SdJwtX5cTest.token(chain(leaf.cert(), intermediate.cert()), leaf.keys(), ISS);
    Instant day = NOW.minus(Duration.ofDays(1));
    Instant week = NOW.plus(Duration.ofDays(7));
    X509CRL rootCrl = crl(root, day, week);
    X509CRL caCrl = crl(intermediate, day, week);
    SdJwtVerification v = verifyWithCrls(t, List.of(caCrl, rootCrl));
    assertTrue(v.verified(), v::toString);
    assertTrue(v.result().checks().stream().anyMatch(c -> c.message().contains("no certificate revoked")), v::toString);
    // the end-entity revoked by the intermediate; the intermediate revoked by the root
    assertRejected(verifyWithCrls(t, List.of(crl(intermediate, day, week, leaf.cert()), rootCrl)), SdJwtRejection.X5C_REVOKED,
        "jwt.header.x5c[0]", "revoked");
    assertRejected(verifyWithCrls(t, List.of(caCrl, crl(root, day, week, intermediate.cert()))), SdJwtRejection.X5C_REVOKED,
        "jwt.header.x5c[1]", "revoked");
    // another certificate's serial revoked: still valid
    assertTrue(verifyWithCrls(t, List.of(crl(intermediate, day, week, leaf(dns("x.example")).cert()), rootCrl)).verified());
    // a CRL past its nextUpdate is not current: fail closed (also a CRL not yet issued at the verification time)
    assertRejected(verifyWithCrls(t, List.of(crl(intermediate, NOW.minus(Duration.ofDays(9)), day, leaf(dns("y.example"))
        .cert()), rootCrl)), SdJwtRejection.X5C_REVOCATION_UNKNOWN, "jwt.header.x5c[0]", "nextUpdate");
    assertRejected(verifyWithCrls(t, List.of(crl(intermediate, NOW.plus(Duration.ofDays(1)), week), rootCrl)),
        SdJwtRejection.X5C_REVOCATION_UNKNOWN, "jwt.header.x5c[0]", "no current CRL");
    // no CRL of the intermediate's issuer (the root): fail closed at [1]; none of the end-entity's: at [0]
    assertRejected(verifyWithCrls(t, List.of(caCrl)), SdJwtRejection.X5C_REVOCATION_UNKNOWN, "jwt.header.x5c[1]",
        "no current CRL");
    assertRejected(verifyWithCrls(t, List.of(rootCrl)), SdJwtRejection.X5C_REVOCATION_UNKNOWN, "jwt.header.x5c[0]",
        "no current CRL");
    // a clean CRL under the intermediate's name signed by another key is not the intermediate's
    Party mallory = issue(Spec.ca("CN=Intermediate CA"), ec(), root("Root CA"));
    assertRejected(verifyWithCrls(t, List.of(crl(mallory, day, week), rootCrl)), SdJwtRejection.X5C_REVOCATION_UNKNOWN,
        "jwt.header.x5c[0]", "no current CRL");
    // without CRLs revocation is not checked (the default, as before)
    assertTrue(SdJwtX5cTest.verify(t, NOW, root.cert()).verified());
    assertThrows(IllegalArgumentException.class, () -> SdJwt.verify(t).withX509Crls(List.of()));
  }

  // --- files

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  @Test
  void pemAndDerFilesAreReadAndAnythingElseIsRefusedNamingTheSource() throws Exception {
    String two = pem("CERTIFICATE", intermediate.cert().getEncoded()) + pem("CERTIFICATE", root.cert().getEncoded());
    assertEquals(List.of(intermediate.cert(), root.cert()), X509Files.certificates(two.getBytes(StandardCharsets
        .US_ASCII), "chain.pem"));
    assertEquals(List.of(root.cert()), X509Files.certificates(root.cert().getEncoded(), "root.der"));
    X509CRL c = crl(root, NOW, NOW.plus(Duration.ofDays(1)), intermediate.cert());
    assertEquals(List.of(c), X509Files.crls(pem("X509 CRL", c.getEncoded()).getBytes(StandardCharsets.US_ASCII),
        "root.crl"));
    assertEquals(List.of(c), X509Files.crls(c.getEncoded(), "root.crl"));
    List<Object[]> bad = new ArrayList<>();
    bad.add(new Object[] {new byte[0], VcErrorCode.INVALID_DOCUMENT});
    bad.add(new Object[] {"not a certificate".getBytes(StandardCharsets.US_ASCII), VcErrorCode.INVALID_DOCUMENT});
    bad.add(new Object[] {pem("CERTIFICATE", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}).getBytes(
        StandardCharsets.US_ASCII), VcErrorCode.INVALID_DOCUMENT});
    bad.add(new Object[] {new byte[X509Files.MAX_BYTES + 1], VcErrorCode.LIMIT_EXCEEDED});
    bad.add(new Object[] {pem("CERTIFICATE", root.cert().getEncoded()).repeat(X509Files.MAX_ITEMS + 1).getBytes(
        StandardCharsets.US_ASCII), VcErrorCode.LIMIT_EXCEEDED});
    for (Object[] b : bad) {
      VcException e = assertThrows(VcException.class, () -> X509Files.certificates((byte[]) b[0], "anchor.pem"));
      assertEquals(b[1], e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("anchor.pem: "), e.getMessage());
    }
    // a certificate is not a CRL, a CRL is not a certificate
    assertThrows(VcException.class, () -> X509Files.crls(root.cert().getEncoded(), "x.crl"));
    assertThrows(VcException.class, () -> X509Files.certificates(c.getEncoded(), "x.pem"));
  }
}
