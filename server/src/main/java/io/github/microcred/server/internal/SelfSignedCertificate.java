package io.github.microcred.server.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A self-signed P-256 certificate for a loopback address, made at start-up (never written to disk), held in an
 * in-memory PKCS#12 key store for Jetty's TLS connector.
 */
public final class SelfSignedCertificate {
  /** The key store password (the store lives in memory only). */
  public static final String PASSWORD = "microcred-loopback";

  private SelfSignedCertificate() {}

  /**
   * Generates the key and the certificate for {@code host}: subject CN and subjectAltName (IP or DNS), one day.
   *
   * @param host the address (e.g. 127.0.0.1)
   * @return the key store with entry {@code server}
   * @throws java.security.GeneralSecurityException if the JDK lacks P-256 or PKCS#12
   * @throws java.io.IOException on an encoding failure
   */
  public static KeyStore create(String host) throws GeneralSecurityException, IOException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name("CN=" + host.replaceAll("[^A-Za-z0-9.:-]", ""));
    AlgorithmIdentifier alg = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    long now = System.currentTimeMillis();
    V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
    tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, new SecureRandom())));
    tbs.setIssuer(name);
    tbs.setSubject(name);
    tbs.setStartDate(new Time(new Date(now - 60_000)));
    tbs.setEndDate(new Time(new Date(now + 86_400_000L)));
    tbs.setSignature(alg);
    tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()));
    boolean ip = host.matches("[0-9.]+") || host.contains(":");
    GeneralNames san = new GeneralNames(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
    tbs.setExtensions(new Extensions(new Extension(Extension.subjectAlternativeName, false,
        new DEROctetString(san))));
    TBSCertificate t = tbs.generateTBSCertificate();
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(kp.getPrivate());
    s.update(t.getEncoded("DER"));
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(t);
    v.add(alg);
    v.add(new DERBitString(s.sign()));
    byte[] der = new DERSequence(v).getEncoded("DER");
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(der));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", kp.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {cert});
    return ks;
  }
}
