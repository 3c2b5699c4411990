package io.github.microcred.cli;

import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test X.509 material (BouncyCastle's builders): CAs valid around now, end-entity certificates of vc keys, CRLs. */
final class TestPki {
  static final AtomicLong SERIAL = new AtomicLong(1);
  static final Instant NOW = Instant.now();

  /** A CA's key pair and certificate. */
  record Ca(KeyPair keys, X509Certificate cert) {}

  private TestPki() {}

  static KeyPair ec() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static X509Certificate cert(String subject, PublicKey key, Ca by, KeyPair self, boolean ca, String dns)
      throws Exception {
    X500Name s = new X500Name(subject);
    X500Name issuer = by == null ? s : new X500Name(by.cert().getSubjectX500Principal().getName());
    var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
        Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))), s, key);
    b.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(1) : new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
        : KeyUsage.digitalSignature));
    if (dns != null) {
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName,
          dns)));
    }
    return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(by == null ? self.getPrivate() : by.keys().getPrivate())));
  }

  static Ca root(String name) throws Exception {
    KeyPair k = ec();
    return new Ca(k, cert("CN=" + name, k.getPublic(), null, k, true, null));
  }

  static Ca intermediate(Ca root) throws Exception {
    KeyPair k = ec();
    return new Ca(k, cert("CN=Intermediate CA", k.getPublic(), root, null, true, null));
  }

  /** An end-entity certificate of a vc P-256 key, naming {@code dns}. */
  static X509Certificate leaf(io.github.microcred.vc.KeyPair key, Ca by, String dns) throws Exception {
    return cert("CN=Issuer", ECKey.parse(key.publicKey().toJwk().toString()).toECPublicKey(), by, null, false, dns);
  }

  static X509CRL crl(Ca ca, X509Certificate... revoked) throws Exception {
    var b = new X509v2CRLBuilder(new X500Name(ca.cert().getSubjectX500Principal().getName()),
        Date.from(NOW.minus(Duration.ofHours(1))));
    b.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(1))));
    for (X509Certificate r : revoked) {
      b.addCRLEntry(r.getSerialNumber(), Date.from(NOW.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
    }
    return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
        .build(ca.keys().getPrivate())));
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
