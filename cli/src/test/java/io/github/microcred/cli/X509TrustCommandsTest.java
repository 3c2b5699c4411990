package io.github.microcred.cli;

import static io.github.microcred.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcred sign --format sd-jwt --x5c CHAIN.pem} and {@code mcred verify --trust-anchor CERT.pem [--crl FILE]}:
 * an SD-JWT VC of an issuer with an X.509 certificate (a generated root → intermediate → end-entity chain) verifies
 * against its root, not against another root nor without anchors (as before), and not once its certificate is
 * revoked by a CRL given on the command line.
 */
class X509TrustCommandsTest {
  static final String ISSUER = "https://issuer.example/issuers/1";
  @TempDir Path dir;

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static String pem(X509Certificate... certs) throws Exception {
    StringBuilder b = new StringBuilder();
    for (X509Certificate c : certs) {
      b.append(TestPki.pem("CERTIFICATE", c.getEncoded()));
    }
    return b.toString();
  }

  @Test
  void anX5cIssuerVerifiesAgainstItsRootOnlyAndNotOnceRevoked() throws Exception {
    TestPki.Ca root = TestPki.root("Root CA");
    TestPki.Ca ca = TestPki.intermediate(root);
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    X509Certificate leaf = TestPki.leaf(issuer, ca, "issuer.example");
    Path key = write("issuer.json", issuer.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    Path chain = write("chain.pem", pem(leaf, ca.cert()));
    Path rootPem = write("root.pem", pem(root.cert()));
    Path otherPem = write("other.pem", pem(TestPki.root("Root CA").cert()));
    Path unsigned = write("badge.json", SdJwtCommandsTest.badge(ISSUER).toString());
    Path sd = dir.resolve("badge.sd-jwt");
    var sign = run("sign", "--format", "sd-jwt", "--key", key.toString(), "--x5c", chain.toString(),
        unsigned.toString(), sd.toString());
    assertEquals(0, sign.code(), sign.err());

    var ok = run("verify", "--no-key-binding", "--trust-anchor", rootPem.toString(), sd.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    JsonNode report = CliFiles.JSON.readTree(ok.out());
    assertEquals(ISSUER, report.get("issuer").asText(), ok.out());
    // one of several anchors is enough
    assertEquals(0, run("verify", "--no-key-binding", "--trust-anchor", otherPem.toString(), "--trust-anchor",
        rootPem.toString(), sd.toString()).code());

    var other = run("verify", "--no-key-binding", "--trust-anchor", otherPem.toString(), sd.toString());
    assertEquals(1, other.code(), other.out());
    assertTrue(other.out().contains("X5C_UNTRUSTED"), other.out());
    var none = run("verify", "--no-key-binding", sd.toString());
    assertEquals(1, none.code(), none.out());
    assertTrue(CliFiles.JSON.readTree(none.out()).get("rejections").toString().contains("KEY_UNRESOLVED"),
        none.out());

    // CRLs, offline: clean lists pass; the end-entity revoked fails; a missing list of the root fails closed
    Path clean = write("ca.crl", TestPki.pem("X509 CRL", TestPki.crl(ca).getEncoded()));
    Path rootCrl = write("root.crl", TestPki.pem("X509 CRL", TestPki.crl(root).getEncoded()));
    Path revoked = write("revoked.crl", TestPki.pem("X509 CRL", TestPki.crl(ca, leaf).getEncoded()));
    assertEquals(0, run("verify", "--no-key-binding", "--trust-anchor", rootPem.toString(), "--crl", clean.toString(),
        "--crl", rootCrl.toString(), sd.toString()).code());
    var rev = run("verify", "--no-key-binding", "--trust-anchor", rootPem.toString(), "--crl", revoked.toString(),
        "--crl", rootCrl.toString(), sd.toString());
    assertEquals(1, rev.code(), rev.out());
    assertTrue(rev.out().contains("X5C_REVOKED"), rev.out());
    var unknown = run("verify", "--no-key-binding", "--trust-anchor", rootPem.toString(), "--crl", clean.toString(),
        sd.toString());
    assertEquals(1, unknown.code(), unknown.out());
    assertTrue(unknown.out().contains("X5C_REVOCATION_UNKNOWN"), unknown.out());
  }

  @Test
  void badX509OptionsAreRefusedNamingTheProblem() throws Exception {
    TestPki.Ca root = TestPki.root("Root CA");
    TestPki.Ca ca = TestPki.intermediate(root);
    KeyPair issuer = KeyPair.generate(KeyType.P256);
    Path key = write("issuer.json", issuer.toKeyFile("jwk", SecretKeyAccess.get()).toString());
    Path unsigned = write("badge.json", SdJwtCommandsTest.badge(ISSUER).toString());
    // a chain certifying another key, one naming another host
    Path foreign = write("foreign.pem", pem(TestPki.leaf(KeyPair.generate(KeyType.P256), ca, "issuer.example")));
    var wrongKey = run("sign", "--format", "sd-jwt", "--key", key.toString(), "--x5c", foreign.toString(),
        unsigned.toString(), dir.resolve("a").toString());
    assertEquals(1, wrongKey.code(), wrongKey.err());
    CliConventionTest.oneSentence(wrongKey, "x5c[0]");
    Path otherHost = write("host.pem", pem(TestPki.leaf(issuer, ca, "other.example")));
    var wrongName = run("sign", "--format", "sd-jwt", "--key", key.toString(), "--x5c", otherHost.toString(),
        unsigned.toString(), dir.resolve("b").toString());
    assertEquals(1, wrongName.code(), wrongName.err());
    CliConventionTest.oneSentence(wrongName, "does not name the issuer");
    Path junk = write("junk.pem", "not a certificate");
    var badChain = run("sign", "--format", "sd-jwt", "--key", key.toString(), "--x5c", junk.toString(),
        unsigned.toString(), dir.resolve("c").toString());
    assertEquals(1, badChain.code(), badChain.err());
    CliConventionTest.oneSentence(badChain, "junk.pem");
    var x5cWithJwt = run("sign", "--format", "jwt", "--key", key.toString(), "--x5c", foreign.toString(),
        unsigned.toString(), dir.resolve("d").toString());
    assertEquals(2, x5cWithJwt.code(), x5cWithJwt.err());

    Path sd = dir.resolve("badge.sd-jwt");
    Path chain = write("chain.pem", pem(TestPki.leaf(issuer, ca, "issuer.example"), ca.cert()));
    assertEquals(0, run("sign", "--format", "sd-jwt", "--key", key.toString(), "--x5c", chain.toString(),
        unsigned.toString(), sd.toString()).code());
    var junkAnchor = run("verify", "--no-key-binding", "--trust-anchor", junk.toString(), sd.toString());
    assertEquals(1, junkAnchor.code());
    CliConventionTest.oneSentence(junkAnchor, "--trust-anchor " + junk);
    Path rootPem = write("root.pem", pem(root.cert()));
    var junkCrl = run("verify", "--no-key-binding", "--trust-anchor", rootPem.toString(), "--crl", rootPem.toString(),
        sd.toString());
    assertEquals(1, junkCrl.code());
    CliConventionTest.oneSentence(junkCrl, "--crl " + rootPem);
    var crlAlone = run("verify", "--no-key-binding", "--crl", rootPem.toString(), sd.toString());
    assertEquals(2, crlAlone.code());
    CliConventionTest.oneSentence(crlAlone, "--trust-anchor");
    // not an SD-JWT VC: the options do not apply
    var notSdJwt = run("verify", "--trust-anchor", rootPem.toString(), unsigned.toString());
    assertEquals(2, notSdJwt.code());
    CliConventionTest.oneSentence(notSdJwt, "apply to SD-JWT VCs");
  }
}
