package io.github.microcred.vc.internal;

import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The Data Integrity transformation and hashing shared by every suite: canonicalize the unsecured document and the
 * proof configuration, hash each (SHA-256, or SHA-384 for P-384), and concatenate
 * {@code proofConfigHash || documentHash}. The RDFC suites ({@code eddsa-rdfc-2022}, {@code ecdsa-rdfc-2019})
 * canonicalize with RDFC-1.0 and give the proof configuration the document's {@code @context}; the JCS suites
 * ({@code eddsa-jcs-2022}, {@code ecdsa-jcs-2019}) canonicalize with RFC 8785 ({@link Jcs#canonicalizeExact}) and
 * hash the proof as it is, without {@code proofValue}: its own {@code @context}, which a signer sets to the
 * document's (and the verifier requires to be the document's).
 */
public final class DataIntegrity {
  private DataIntegrity() {}

  /** Intermediate values of the algorithm, exposed for conformance tests. */
  public record HashData(String canonicalDocument, String canonicalProofConfig, byte[] documentHash,
      byte[] proofConfigHash) {
    /**
     * The bytes that are signed.
     *
     * @return proofConfigHash || documentHash
     */
    public byte[] combined() {
      byte[] out = new byte[proofConfigHash.length + documentHash.length];
      System.arraycopy(proofConfigHash, 0, out, 0, proofConfigHash.length);
      System.arraycopy(documentHash, 0, out, proofConfigHash.length, documentHash.length);
      return out;
    }
  }

  /**
   * Removes {@code proof} from a document.
   *
   * @param secured the document
   * @return the unsecured document
   */
  public static JsonObject withoutProof(JsonObject secured) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : secured.entrySet()) {
      if (!"proof".equals(e.getKey())) {
        b.add(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /** The Data Integrity v2 context, added to documents whose contexts do not define the proof terms. */
  public static final String DI_CONTEXT = "https://w3id.org/security/data-integrity/v2";

  /**
   * Adds the Data Integrity context to a document whose {@code @context} lacks both the VC 2.0 context and the
   * Data Integrity context (e.g. a VC 1.1 credential), as the Data Integrity specification requires; otherwise
   * returns the document unchanged.
   *
   * @param document the document
   * @return the document, possibly with one more context entry
   */
  public static JsonObject withDataIntegrityContext(JsonObject document) {
    JsonValue ctx = document.get("@context");
    if (ctx == null) {
      return document;
    }
    JsonArray entries = ctx.getValueType() == JsonValue.ValueType.ARRAY ? ctx.asJsonArray()
        : JsonSupport.PROVIDER.createArrayBuilder().add(ctx).build();
    if (entries.contains(JsonSupport.PROVIDER.createValue("https://www.w3.org/ns/credentials/v2"))
        || entries.contains(JsonSupport.PROVIDER.createValue(DI_CONTEXT))) {
      return document;
    }
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : document.entrySet()) {
      b.add(e.getKey(), "@context".equals(e.getKey())
          ? JsonSupport.PROVIDER.createArrayBuilder(entries).add(DI_CONTEXT).build() : e.getValue());
    }
    return b.build();
  }

  /**
   * Builds the proof configuration: the proof without {@code proofValue}, with the document's {@code @context}.
   *
   * @param proof the proof (options)
   * @param documentContext the document's {@code @context}, or null
   * @return the configuration
   */
  public static JsonObject proofConfig(JsonObject proof, JsonValue documentContext) {
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    if (documentContext != null) {
      b.add("@context", documentContext);
    }
    for (Map.Entry<String, JsonValue> e : proof.entrySet()) {
      if (!"proofValue".equals(e.getKey()) && !"@context".equals(e.getKey())) {
        b.add(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  /**
   * Builds a suite's proof configuration: the proof without {@code proofValue}, with the document's
   * {@code @context} (RDFC suites) or its own {@code @context}, if any (JCS suites).
   *
   * @param suite the suite
   * @param proof the proof (options)
   * @param unsecured the document without proof
   * @return the configuration
   */
  public static JsonObject proofConfig(Cryptosuite suite, JsonObject proof, JsonObject unsecured) {
    return proofConfig(proof, suite.canonicalization() == Cryptosuite.Canonicalization.JCS ? proof.get("@context")
        : unsecured.get("@context"));
  }

  /**
   * Runs a suite's transformation and hashing.
   *
   * @param suite the suite
   * @param unsecured the document without proof
   * @param proofConfig the proof configuration ({@link #proofConfig(Cryptosuite, JsonObject, JsonObject)})
   * @param keyType selects SHA-384 for P-384, SHA-256 otherwise
   * @param loader the context loader (RDFC suites)
   * @param limits the bounds (RDFC suites; JCS input is bounded by the strict reader)
   * @return the intermediate values (for JCS, the canonical JSON texts)
   * @throws VcException on canonicalization failure; for JCS, {@link io.github.microcred.vc.VcErrorCode#INVALID_DOCUMENT}
   *     for a number the canonical form would change or an unpaired surrogate, naming the JSON path
   */
  public static HashData hash(Cryptosuite suite, JsonObject unsecured, JsonObject proofConfig, KeyType keyType,
      ContextLoader loader, CanonicalizationLimits limits) throws VcException {
    if (suite.canonicalization() == Cryptosuite.Canonicalization.RDFC_1_0) {
      return hash(unsecured, proofConfig, keyType, loader, limits);
    }
    String alg = rdfcHash(keyType);
    String doc = Jcs.canonicalizeExact(unsecured);
    String conf;
    try {
      conf = Jcs.canonicalizeExact(proofConfig);
    } catch (VcException e) {
      throw new VcException((VcErrorCode) e.code(), "proof configuration: " + e.getMessage());
    }
    return new HashData(doc, conf, digest(alg, doc), digest(alg, conf));
  }

  /**
   * Runs transformation and hashing.
   *
   * @param unsecured the document without proof
   * @param proofConfig the proof configuration
   * @param keyType selects SHA-384 for P-384 (both for RDFC-1.0 blank-node labels and the hashes), SHA-256
   *     otherwise
   * @param loader the context loader
   * @param limits the bounds
   * @return the intermediate values
   * @throws VcException on canonicalization failure
   */
  public static HashData hash(JsonObject unsecured, JsonObject proofConfig, KeyType keyType, ContextLoader loader,
      CanonicalizationLimits limits) throws VcException {
    String alg = keyType == KeyType.P384 ? "SHA-384" : "SHA-256";
    String doc = Canonicalizer.canonicalize(unsecured, loader, limits, alg);
    String conf = Canonicalizer.canonicalize(proofConfig, loader, limits, alg);
    return new HashData(doc, conf, digest(alg, doc), digest(alg, conf));
  }

  /**
   * Runs hashing over an already canonicalized document (the verifier canonicalizes it once, to read the signed
   * graph and to hash it).
   *
   * @param canonicalDocument the canonical N-Quads of the unsecured document, labelled with the key type's hash
   * @param proofConfig the proof configuration
   * @param keyType selects SHA-384 for P-384, SHA-256 otherwise
   * @param loader the context loader
   * @param limits the bounds
   * @return the intermediate values
   * @throws VcException on canonicalization failure of the proof configuration
   */
  public static HashData hash(String canonicalDocument, JsonObject proofConfig, KeyType keyType,
      ContextLoader loader, CanonicalizationLimits limits) throws VcException {
    String alg = rdfcHash(keyType);
    String conf = Canonicalizer.canonicalize(proofConfig, loader, limits, alg);
    return new HashData(canonicalDocument, conf, digest(alg, canonicalDocument), digest(alg, conf));
  }

  /**
   * The bytes a suite signs, {@code proofConfigHash || documentHash}, as {@link #hash(Cryptosuite, JsonObject,
   * JsonObject, KeyType, ContextLoader, CanonicalizationLimits)}{@code .combined()} gives them; for the RDFC suites
   * the canonical N-Quads are hashed as they are written ({@link Canonicalizer#canonicalDigest}), never held as
   * one text.
   *
   * @param suite the suite
   * @param unsecured the document without proof
   * @param proofConfig the proof configuration
   * @param keyType selects SHA-384 for P-384, SHA-256 otherwise
   * @param loader the context loader (RDFC suites)
   * @param limits the bounds (RDFC suites)
   * @return the bytes to sign or verify
   * @throws VcException as {@link #hash(Cryptosuite, JsonObject, JsonObject, KeyType, ContextLoader,
   *     CanonicalizationLimits)}
   */
  public static byte[] signingInput(Cryptosuite suite, JsonObject unsecured, JsonObject proofConfig,
      KeyType keyType, ContextLoader loader, CanonicalizationLimits limits) throws VcException {
    if (suite.canonicalization() != Cryptosuite.Canonicalization.RDFC_1_0) {
      return hash(suite, unsecured, proofConfig, keyType, loader, limits).combined();
    }
    byte[] documentHash = Canonicalizer.canonicalDigest(unsecured, loader, limits, rdfcHash(keyType), null);
    return signingInput(documentHash, proofConfig, keyType, loader, limits);
  }

  /**
   * The bytes an RDFC suite signs over an already hashed canonical document (the verifier canonicalizes the document
   * once, reading the signed graph while it is hashed): {@code proofConfigHash || documentHash}.
   *
   * @param documentHash the hash of the canonical N-Quads of the unsecured document (the key type's hash)
   * @param proofConfig the proof configuration
   * @param keyType selects SHA-384 for P-384, SHA-256 otherwise
   * @param loader the context loader
   * @param limits the bounds
   * @return the bytes to verify
   * @throws VcException on canonicalization failure of the proof configuration
   */
  public static byte[] signingInput(byte[] documentHash, JsonObject proofConfig, KeyType keyType,
      ContextLoader loader, CanonicalizationLimits limits) throws VcException {
    byte[] proofConfigHash = Canonicalizer.canonicalDigest(proofConfig, loader, limits, rdfcHash(keyType), null);
    byte[] out = new byte[proofConfigHash.length + documentHash.length];
    System.arraycopy(proofConfigHash, 0, out, 0, proofConfigHash.length);
    System.arraycopy(documentHash, 0, out, proofConfigHash.length, documentHash.length);
    return out;
  }

  /**
   * The hash a key type uses, for RDFC-1.0 labels and the proof hashes.
   *
   * @param keyType the key type
   * @return {@code SHA-384} for P-384, {@code SHA-256} otherwise
   */
  public static String rdfcHash(KeyType keyType) {
    return keyType == KeyType.P384 ? "SHA-384" : "SHA-256";
  }

  private static byte[] digest(String alg, String text) {
    try {
      return MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
