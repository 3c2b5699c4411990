package io.github.microcred.bench;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.ld.signature.ecdsa.ECDSASignature2019;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.multikey.MultiKey;
import com.apicatalog.vc.integrity.DataIntegrityProofDraft;
import com.apicatalog.vc.integrity.DataIntegritySuite;
import com.apicatalog.vc.issuer.Issuer;
import com.apicatalog.vc.verifier.Verifier;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;

/**
 * Iron (com.apicatalog iron-verifiable-credentials 0.14.0 with its eddsa-rdfc-2022 / ecdsa-rdfc-2019 suites) as a
 * benchmark peer: the same key, the same document and the same pinned contexts as microcred (Iron's bundled
 * contexts are switched off: its older credentials-v2 copy clashes with the protected OB 3.0.3 terms). Iron 0.14.0
 * is built against titanium-json-ld 1.4.0; here it runs on the project's titanium 1.7.0 (dependency management),
 * and reproduces the W3C and 1EdTech eddsa-rdfc-2022 vectors byte for byte on it.
 */
final class IronPeer {
  private static final URI ASSERTION = URI.create("https://w3id.org/security#assertionMethod");

  private final DataIntegritySuite suite;
  private final KeyType type;
  private final MultiKey key;
  private final URI method;
  private final DocumentLoader loader;
  private final Instant created;

  IronPeer(KeyPair keyPair, Instant created) {
    this.type = keyPair.type();
    this.suite = type == KeyType.ED25519 ? new EdDSASignature2022() : new ECDSASignature2019();
    this.method = URI.create(keyPair.publicKey().didKeyVerificationMethod());
    this.created = created;
    key = new MultiKey();
    key.setId(method);
    key.setController(URI.create(keyPair.publicKey().didKey()));
    key.setAlgorithm(type == KeyType.ED25519 ? "Ed25519" : type == KeyType.P256 ? "P-256" : "P-384");
    key.setPublicKey(keyPair.publicKey().encoded());
    byte[] secret = keyPair.secretKeyBytes(SecretKeyAccess.get());
    key.setPrivateKey(type == KeyType.ED25519 ? Arrays.copyOf(secret, 32) : secret);
    ContextLoader pinned = ContextLoader.pinned();
    loader = (url, options) -> {
      try {
        return JsonDocument.of(pinned.load(url.toString()));
      } catch (VcException e) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
      }
    };
  }

  private DataIntegrityProofDraft draft() throws Throwable {
    DataIntegrityProofDraft d;
    if (type == KeyType.ED25519) {
      d = ((EdDSASignature2022) suite).createDraft(method, ASSERTION);
    } else if (type == KeyType.P256) {
      d = ((ECDSASignature2019) suite).createP256Draft(method, ASSERTION);
    } else {
      d = ((ECDSASignature2019) suite).createP384Draft(method, ASSERTION);
    }
    d.created(created);
    return d;
  }

  /**
   * Signs with Iron and returns the compacted signed document.
   *
   * @param unsigned the credential
   * @return the signed credential
   */
  JsonObject sign(JsonObject unsigned) {
    try {
      Issuer issuer = suite instanceof EdDSASignature2022 ? ((EdDSASignature2022) suite).createIssuer(key)
          : ((ECDSASignature2019) suite).createIssuer(key);
      return issuer.loader(loader).useBundledContexts(false).sign(unsigned, draft()).compacted();
    } catch (Throwable e) { // Iron's DocumentError / SigningError are Throwables, not Exceptions
      throw new IllegalStateException("Iron failed to sign: " + e, e);
    }
  }

  /**
   * Verifies with Iron.
   *
   * @param signed the signed credential
   * @return true if Iron accepts it
   */
  boolean verify(JsonObject signed) {
    try {
      Verifier.with(suite).loader(loader).useBundledContexts(false).verify(signed);
      return true;
    } catch (Throwable e) {
      return false;
    }
  }
}
