package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.sd.EcdsaSd2023;
import io.github.microcred.vc.internal.verify.ProofChains;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configured signing of one document with a Data Integrity proof. Immutable: it holds the document, the key, the
 * cryptosuite and one {@link SignOptions}; each {@code with...} returns a new operation with derived options, and
 * {@link #withOptions(SignOptions)} replaces them all at once. If the document already has a {@code proof}, the new
 * proof is added to it as a proof set, or, with {@link #withPreviousProof}, as the next link of a proof chain.
 * Obtained from {@link Credentials#sign}.
 */
public final class SignOperation {
  /** The per-proof secrets of an ecdsa-sd-2023 base proof, fixed only by tests that reproduce W3C vectors. */
  record SdKeys(byte[] hmacKey, KeyPair proofKey) {}

  private final JsonObject document;
  private final KeyPair key;
  private final Cryptosuite suite;
  private final SignOptions options;
  private final SdKeys sdKeys;

  SignOperation(JsonObject document, KeyPair key, Cryptosuite suite, SignOptions options) {
    this(document, key, suite, options, null);
  }

  private SignOperation(JsonObject document, KeyPair key, Cryptosuite suite, SignOptions options, SdKeys sdKeys) {
    this.document = document;
    this.key = key;
    this.suite = suite;
    this.options = options;
    this.sdKeys = sdKeys;
  }

  /**
   * Replaces the whole configuration.
   *
   * @param o the options
   * @return a new operation
   */
  public SignOperation withOptions(SignOptions o) {
    return new SignOperation(document, key, suite, Objects.requireNonNull(o, "options"), sdKeys);
  }

  /**
   * The configuration.
   *
   * @return the options
   */
  public SignOptions options() {
    return options;
  }

  /**
   * Sets the cryptosuite (for example {@code eddsa-jcs-2022} in place of the key type's rdfc suite that
   * {@link Credentials#issue} chooses). {@link #get()} refuses a suite that does not accept the key.
   *
   * @param s the suite
   * @return a new operation
   */
  public SignOperation withCryptosuite(Cryptosuite s) {
    return new SignOperation(document, key, Objects.requireNonNull(s, "suite"), options, sdKeys);
  }

  /**
   * The unsigned document this operation signs (for {@link Credentials#issue}: the mapped OpenBadgeCredential), to
   * secure it another way, e.g. as a JWT.
   *
   * @return a new copy
   */
  public ObjectNode document() {
    return JsonSupport.toJackson(document);
  }

  /**
   * Sets the verification method id (see {@link SignOptions#withVerificationMethod}).
   *
   * @param id the id
   * @return a new operation
   */
  public SignOperation withVerificationMethod(String id) {
    return withOptions(options.withVerificationMethod(id));
  }

  /**
   * Fixes the proof's {@code created} time (see {@link SignOptions#withCreated}).
   *
   * @param time the time
   * @return a new operation
   */
  public SignOperation withCreated(Instant time) {
    return withOptions(options.withCreated(time));
  }

  /**
   * Sets the clock used for {@code created} (see {@link SignOptions#withClock}).
   *
   * @param clock the clock
   * @return a new operation
   */
  public SignOperation withClock(Clock clock) {
    return withOptions(options.withClock(clock));
  }

  /**
   * Sets the proof purpose (see {@link SignOptions#withProofPurpose}).
   *
   * @param purpose e.g. {@code authentication}
   * @return a new operation
   */
  public SignOperation withProofPurpose(String purpose) {
    return withOptions(options.withProofPurpose(purpose));
  }

  /**
   * Sets the context loader (see {@link SignOptions#withDocumentLoader}).
   *
   * @param l the loader
   * @return a new operation
   */
  public SignOperation withDocumentLoader(ContextLoader l) {
    return withOptions(options.withDocumentLoader(l));
  }

  /**
   * Sets the canonicalization bounds (see {@link SignOptions#withLimits}).
   *
   * @param l the limits
   * @return a new operation
   */
  public SignOperation withLimits(CanonicalizationLimits l) {
    return withOptions(options.withLimits(l));
  }

  /**
   * Sets the mandatory JSON pointers of an {@link Cryptosuite#ECDSA_SD_2023} base proof (see
   * {@link SignOptions#withMandatoryPointers}).
   *
   * @param pointers JSON pointers into the unsigned document, e.g. {@code /issuer}
   * @return a new operation
   */
  public SignOperation withMandatoryPointers(List<String> pointers) {
    return withOptions(options.withMandatoryPointers(pointers));
  }

  /**
   * Gives the new proof an {@code id} (see {@link SignOptions#withProofId}).
   *
   * @param id the proof id (a URL)
   * @return a new operation
   */
  public SignOperation withProofId(String id) {
    return withOptions(options.withProofId(id));
  }

  /**
   * Adds the new proof to a proof chain (see {@link SignOptions#withPreviousProof}).
   *
   * @param ids the ids of the previous proofs, at least one, distinct
   * @return a new operation
   * @throws IllegalArgumentException if empty or repeated
   */
  public SignOperation withPreviousProof(String... ids) {
    return withOptions(options.withPreviousProof(ids));
  }

  /** Test hook: fixes the HMAC key and proof-scoped key of an ecdsa-sd-2023 base proof (W3C vectors). */
  SignOperation withSdKeys(byte[] hmacKey, KeyPair proofKey) {
    return new SignOperation(document, key, suite, options, new SdKeys(hmacKey.clone(), proofKey));
  }

  /**
   * Signs.
   *
   * @return the signed document (a new object; the input is not changed)
   * @throws VcException {@link VcErrorCode#UNSUPPORTED_SUITE} if the key does not fit the suite,
   *     {@link VcErrorCode#CANONICALIZATION_FAILED} / {@link VcErrorCode#CONTEXT_NOT_PINNED} /
   *     {@link VcErrorCode#LIMIT_EXCEEDED} if the document cannot be canonicalized (with RDFC-1.0, which the JCS
   *     suites also require of the document, as the verifier reads its decisions from that graph),
   *     {@link VcErrorCode#INVALID_DOCUMENT} for a number the JCS suites cannot sign exactly (naming its path),
   *     {@link VcErrorCode#INVALID_ARGUMENT} for a mandatory pointer that is malformed or does not match the
   *     document (or mandatory pointers with a suite other than {@code ecdsa-sd-2023})
   */
  public ObjectNode get() throws VcException {
    return JsonSupport.toJackson(sign());
  }

  /**
   * Signs and returns JSON text.
   *
   * @return the signed document
   * @throws VcException as {@link #get()}
   */
  public String getJson() throws VcException {
    return sign().toString();
  }

  JsonObject sign() throws VcException {
    if (!suite.accepts(key.type())) {
      throw new VcException(VcErrorCode.UNSUPPORTED_SUITE,
          suite.id() + " cannot be used with a " + key.type() + " key");
    }
    if (!options.mandatoryPointers().isEmpty() && suite != Cryptosuite.ECDSA_SD_2023) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "mandatory pointers are for "
          + Cryptosuite.ECDSA_SD_2023.id() + " base proofs; " + suite.id() + " signs the whole document");
    }
    String verificationMethod = options.verificationMethod().orElse(null);
    String proofPurpose = options.proofPurpose();
    ContextLoader loader = options.documentLoader();
    CanonicalizationLimits limits = options.limits();
    Instant t = options.created().orElseGet(() -> options.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    String proofId = options.proofId().orElse(null);
    List<String> previousProof = options.previousProof();
    List<JsonObject> existingProofs = new ArrayList<>();
    JsonValue had = document.get("proof");
    if (had != null) {
      for (JsonValue v : had.getValueType() == JsonValue.ValueType.ARRAY ? had.asJsonArray() : List.of(had)) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          existingProofs.add(v.asJsonObject());
        }
      }
    }
    List<Integer> named = new ArrayList<>();
    if (!previousProof.isEmpty() && suite == Cryptosuite.ECDSA_SD_2023) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "an " + suite.id() + " proof cannot be chained "
          + "(previousProof): a derived proof discloses part of the document, a chained one signs the whole");
    }
    for (int i = 0; i < existingProofs.size(); i++) {
      JsonValue id = existingProofs.get(i).get("id");
      String text = id instanceof JsonString ? ((JsonString) id).getString() : null;
      if (text != null && text.equals(proofId)) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "proof id '" + text + "' is already the id of proof "
            + i + " of the document");
      }
      if (text != null && previousProof.contains(text)) {
        named.add(i);
      }
    }
    if (named.size() != previousProof.size()) {
      List<String> missing = new ArrayList<>(previousProof);
      named.forEach(i -> missing.remove(((JsonString) existingProofs.get(i).get("id")).getString()));
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "previousProof " + missing + " names no proof of the "
          + "document (PROOF_GENERATION_ERROR)");
    }
    JsonObjectBuilder opts = JsonSupport.PROVIDER.createObjectBuilder()
        .add("type", "DataIntegrityProof");
    if (proofId != null) {
      opts.add("id", proofId);
    }
    opts.add("cryptosuite", suite.id())
        .add("created", t.toString())
        .add("verificationMethod",
            verificationMethod != null ? verificationMethod : key.publicKey().didKeyVerificationMethod())
        .add("proofPurpose", proofPurpose);
    if (previousProof.size() == 1) {
      opts.add("previousProof", previousProof.get(0));
    } else if (!previousProof.isEmpty()) {
      opts.add("previousProof", JsonSupport.PROVIDER.createArrayBuilder(previousProof));
    }
    JsonObject unsecured = DataIntegrity.withDataIntegrityContext(DataIntegrity.withoutProof(document));
    // a chained proof signs the document with exactly the proofs it names attached, in document order
    JsonObject input = named.isEmpty() ? unsecured
        : ProofChains.input(unsecured, existingProofs, named);
    if (suite.canonicalization() == Cryptosuite.Canonicalization.JCS && unsecured.containsKey("@context")) {
      // the JCS suites sign the proof as it is: it carries the document's @context (vc-di-eddsa / vc-di-ecdsa)
      opts.add("@context", unsecured.get("@context"));
      // verifiers read their decisions from the graph the signed JSON expresses under the pinned contexts: a
      // document without one (an undefined term, an unpinned context) is refused here, not issued unverifiable
      Canonicalizer.canonicalize(unsecured, loader, limits, "SHA-256");
    }
    JsonObject options = opts.build();
    String proofValue;
    if (suite == Cryptosuite.ECDSA_SD_2023) {
      SdKeys k = sdKeys != null ? sdKeys
          : new SdKeys(EcdsaSd2023.newHmacKey(), KeyPair.generate(KeyType.P256));
      proofValue = EcdsaSd2023.createBaseProof(unsecured, DataIntegrity.proofConfig(suite, options, unsecured),
          this.options.mandatoryPointers(), key, k.hmacKey(), k.proofKey(), loader, limits).proofValue();
    } else {
      byte[] signingInput = DataIntegrity.signingInput(suite, input,
          DataIntegrity.proofConfig(suite, options, input), key.type(), loader, limits);
      proofValue = Base58.encodeMultibase(key.sign(signingInput));
    }
    JsonObject proof = JsonSupport.PROVIDER.createObjectBuilder(options).add("proofValue", proofValue).build();
    JsonObjectBuilder out = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : unsecured.entrySet()) {
      out.add(e.getKey(), e.getValue());
    }
    JsonValue existing = document.get("proof");
    if (existing == null) {
      out.add("proof", proof);
    } else {
      JsonArrayBuilder set = JsonSupport.PROVIDER.createArrayBuilder();
      if (existing.getValueType() == JsonValue.ValueType.ARRAY) {
        existing.asJsonArray().forEach(set::add);
      } else {
        set.add(existing);
      }
      out.add("proof", set.add(proof));
    }
    return out.build();
  }
}
