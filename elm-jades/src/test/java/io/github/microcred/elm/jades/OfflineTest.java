package io.github.microcred.elm.jades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Award;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.elm.Elm;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * DSS makes no network connection while microcred seals and verifies: a {@code java.net} socket or URL connection
 * opened without an explicit proxy first asks the default {@link ProxySelector} (the network code on elm-jades's
 * class path, such as DSS's {@code NativeDataLoaderCall}, jose4j's {@code Get}, json-sKema's URL schema client and
 * BouncyCastle's CRL / OCSP caches, opens URL connections), and a recording selector sees none while the official
 * signed sample (with its
 * time-stamps and certificate URLs) is verified and an ES256 seal is made and verified. The selector answers with a
 * proxy that is not there, so an attempt would also fail rather than reach out. Each test class of this module runs in
 * its own JVM ({@code reuseForks=false}), so the selector is in place before DSS's classes are first loaded.
 */
class OfflineTest {
  @Test
  void sealingAndVerifyingOpenNoConnection() throws Exception {
    List<URI> asked = new CopyOnWriteArrayList<>();
    ProxySelector before = ProxySelector.getDefault();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.add(uri);
        return List.of(new Proxy(Proxy.Type.HTTP, new java.net.InetSocketAddress("127.0.0.1", 9)));
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException e) {
        // recorded in select
      }
    });
    try {
      SealVerification sample = ElmSeal.verify(ElmSealTest.resource("Sample-MC-Annex1-signed.jsonld"));
      assertTrue(sample.verified(), sample.toString());

      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair ec = g.generateKeyPair();
      X500Name dn = new X500Name("CN=Offline Seal, O=University of Test, C=IE");
      Instant now = Instant.parse("2026-01-01T00:00:00Z");
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(dn,
          BigInteger.TWO, Date.from(now), Date.from(now.plusSeconds(10L * 365 * 86_400)), dn, ec.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())));
      MicroCredential mc = MicroCredential.builder("Offline seal").awardingBody(Organization.builder("University of "
          + "Test").country("IE").build()).learningOutcome("Seal offline").build();
      Award a = Award.builder(mc, LearnerIdentity.did("did:example:learner"), now).build();
      String sealed = ElmSeal.seal(Elm.exporter().withIssuerLegalIdentifier("VATIE-1234567X").export(a),
          ec.getPrivate(), List.of(cert));
      SealVerification mine = ElmSeal.verify(sealed);
      assertTrue(mine.verified(), mine.toString());
      String header = new String(java.util.Base64.getUrlDecoder().decode(new com.fasterxml.jackson.databind
          .ObjectMapper().readTree(sealed).at("/signatures/0/protected").asText()), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(header.contains("\"alg\":\"ES256\""), header);
    } finally {
      ProxySelector.setDefault(before);
    }
    assertEquals(List.of(), asked, "DSS asked for a connection");
  }
}
