package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.sd.EcdsaSd2023;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured signing of one document with a Data Integrity proof. Immutable: each {@code with...} returns a new
 * operation. If the document already has a {@code proof}, the new proof is added to it as a proof set, or, with
 * {@link #withPreviousProof}, as the next link of a proof chain.
 * Obtained from {@link Credentials#sign}.
 */
public final class SignOperation {
  /** Everything but the document, key and suite; each {@code with...} replaces one member. */
  private record Config(String verificationMethod, Instant created, Clock clock, String proofPurpose,
      ContextLoader loader, CanonicalizationLimits limits, List<String> mandatoryPointers, SdKeys sdKeys,
      Chain chain) {}

  /** The new proof's {@code id} and the ids of the proofs it chains to (Data Integrity 4.3 Add Proof Set/Chain). */
  private record Chain(String proofId, List<String> previousProof) {
    static final Chain NONE = new Chain(null, List.of());
  }

  /** The per-proof secrets of an ecdsa-sd-2023 base proof, fixed only by tests that reproduce W3C vectors. */
  record SdKeys(byte[] hmacKey, KeyPair proofKey) {}

  private final JsonObject document;
  private final KeyPair key;
  private final Cryptosuite suite;
  private final Config config;

  SignOperation(JsonObject document, KeyPair key, Cryptosuite suite, String verificationMethod, Instant created,
      Clock clock, String proofPurpose, ContextLoader loader, CanonicalizationLimits limits) {
    this(document, key, suite, new Config(verificationMethod, created, clock, proofPurpose, loader, limits,
        List.of(), null, Chain.NONE));
  }

  private SignOperation(JsonObject document, KeyPair key, Cryptosuite suite, Config config) {
    this.document = document;
    this.key = key;
    this.suite = suite;
    this.config = config;
  }

  private SignOperation with(Config c) {
    return new SignOperation(document, key, suite, c);
  }

  /**
   * Sets the cryptosuite (for example {@code eddsa-jcs-2022} in place of the key type's rdfc suite that
   * {@link Credentials#issue} chooses). {@link #get()} refuses a suite that does not accept the key.
   *
   * @param s the suite
   * @return a new operation
   */
  public SignOperation withCryptosuite(Cryptosuite s) {
    return new SignOperation(document, key, java.util.Objects.requireNonNull(s, "suite"), config);
  }

  /**
   * The unsigned document this operation signs (for {@link Credentials#issue}: the mapped OpenBadgeCredential), to
   * secure it another way, e.g. as a JWT.
   *
   * @return a new copy
   */
  public com.fasterxml.jackson.databind.node.ObjectNode document() {
    return io.github.microcred.vc.internal.JsonSupport.toJackson(document);
  }

  /**
   * Sets the verification method id (default: the key's {@code did:key} method).
   *
   * @param id the id
   * @return a new operation
   */
  public SignOperation withVerificationMethod(String id) {
    Config c = config;
    return with(new Config(Objects.requireNonNull(id), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        c.limits(), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Fixes the proof's {@code created} time (default: the clock's now, to the second).
   *
   * @param time the time
   * @return a new operation
   */
  public SignOperation withCreated(Instant time) {
    Config c = config;
    return with(new Config(c.verificationMethod(), Objects.requireNonNull(time), c.clock(), c.proofPurpose(),
        c.loader(), c.limits(), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Sets the clock used for {@code created}.
   *
   * @param clock the clock
   * @return a new operation
   */
  public SignOperation withClock(Clock clock) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), Objects.requireNonNull(clock), c.proofPurpose(),
        c.loader(), c.limits(), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Sets the proof purpose (default {@code assertionMethod}).
   *
   * @param purpose e.g. {@code authentication}
   * @return a new operation
   */
  public SignOperation withProofPurpose(String purpose) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), Objects.requireNonNull(purpose),
        c.loader(), c.limits(), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param l the loader
   * @return a new operation
   */
  public SignOperation withDocumentLoader(ContextLoader l) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(),
        Objects.requireNonNull(l), c.limits(), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Sets the canonicalization bounds.
   *
   * @param l the limits
   * @return a new operation
   */
  public SignOperation withLimits(CanonicalizationLimits l) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        Objects.requireNonNull(l), c.mandatoryPointers(), c.sdKeys(), c.chain()));
  }

  /**
   * Sets the mandatory JSON pointers (RFC 6901) of an {@link Cryptosuite#ECDSA_SD_2023} base proof: the parts of the
   * credential a holder must disclose in every derived proof (typically {@code /issuer}, the validity dates and the
   * achievement). Default: none. Only that suite takes pointers: {@link #get()} refuses them for any other.
   *
   * @param pointers JSON pointers into the unsigned document, e.g. {@code /issuer}
   * @return a new operation
   */
  public SignOperation withMandatoryPointers(List<String> pointers) {
    List<String> p = List.copyOf(pointers);
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        c.limits(), p, c.sdKeys(), c.chain()));
  }

  /**
   * Gives the new proof an {@code id} (e.g. a {@code urn:uuid:}), which later proofs of a proof chain name in their
   * {@code previousProof}. {@link #get()} refuses an id another proof of the document already has.
   *
   * @param id the proof id (a URL)
   * @return a new operation
   */
  public SignOperation withProofId(String id) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        c.limits(), c.mandatoryPointers(), c.sdKeys(), new Chain(Objects.requireNonNull(id, "id"),
            c.chain().previousProof())));
  }

  /**
   * Adds the new proof to a proof chain (VC Data Integrity 1.0, 4.3 Add Proof Set/Chain): it names the document's
   * existing proofs with these ids in {@code previousProof} (a string for one, an array for more) and signs the
   * document with exactly those proofs attached, so it verifies only together with them (a notary counter-signing
   * an issuer's proof). Default: none, the new proof is independent of the others (a proof set). {@link #get()}
   * refuses an id that no proof of the document has ({@link VcErrorCode#INVALID_ARGUMENT}, the spec's
   * PROOF_GENERATION_ERROR), and chains with {@link Cryptosuite#ECDSA_SD_2023}.
   *
   * @param ids the ids of the previous proofs, at least one, distinct
   * @return a new operation
   * @throws IllegalArgumentException if empty or repeated
   */
  public SignOperation withPreviousProof(String... ids) {
    List<String> p = List.of(ids);
    if (p.isEmpty() || new java.util.HashSet<>(p).size() != p.size()) {
      throw new IllegalArgumentException("previousProof: at least one proof id, each once");
    }
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        c.limits(), c.mandatoryPointers(), c.sdKeys(), new Chain(c.chain().proofId(), p)));
  }

  /** Test hook: fixes the HMAC key and proof-scoped key of an ecdsa-sd-2023 base proof (W3C vectors). */
  SignOperation withSdKeys(byte[] hmacKey, KeyPair proofKey) {
    Config c = config;
    return with(new Config(c.verificationMethod(), c.created(), c.clock(), c.proofPurpose(), c.loader(),
        c.limits(), c.mandatoryPointers(), new SdKeys(hmacKey.clone(), proofKey), c.chain()));
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
    if (!config.mandatoryPointers().isEmpty() && suite != Cryptosuite.ECDSA_SD_2023) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "mandatory pointers are for "
          + Cryptosuite.ECDSA_SD_2023.id() + " base proofs; " + suite.id() + " signs the whole document");
    }
    String verificationMethod = config.verificationMethod();
    String proofPurpose = config.proofPurpose();
    ContextLoader loader = config.loader();
    CanonicalizationLimits limits = config.limits();
    Instant t = config.created() != null ? config.created()
        : config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Chain chain = config.chain();
    List<JsonObject> existingProofs = new java.util.ArrayList<>();
    JsonValue had = document.get("proof");
    if (had != null) {
      for (JsonValue v : had.getValueType() == JsonValue.ValueType.ARRAY ? had.asJsonArray() : List.of(had)) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          existingProofs.add(v.asJsonObject());
        }
      }
    }
    List<Integer> named = new java.util.ArrayList<>();
    if (!chain.previousProof().isEmpty() && suite == Cryptosuite.ECDSA_SD_2023) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "an " + suite.id() + " proof cannot be chained "
          + "(previousProof): a derived proof discloses part of the document, a chained one signs the whole");
    }
    for (int i = 0; i < existingProofs.size(); i++) {
      JsonValue id = existingProofs.get(i).get("id");
      String text = id instanceof jakarta.json.JsonString ? ((jakarta.json.JsonString) id).getString() : null;
      if (text != null && text.equals(chain.proofId())) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "proof id '" + text + "' is already the id of proof "
            + i + " of the document");
      }
      if (text != null && chain.previousProof().contains(text)) {
        named.add(i);
      }
    }
    if (named.size() != chain.previousProof().size()) {
      List<String> missing = new java.util.ArrayList<>(chain.previousProof());
      named.forEach(i -> missing.remove(((jakarta.json.JsonString) existingProofs.get(i).get("id")).getString()));
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "previousProof " + missing + " names no proof of the "
          + "document (PROOF_GENERATION_ERROR)");
    }
    JsonObjectBuilder opts = JsonSupport.PROVIDER.createObjectBuilder()
        .add("type", "DataIntegrityProof");
    if (chain.proofId() != null) {
      opts.add("id", chain.proofId());
    }
    opts.add("cryptosuite", suite.id())
        .add("created", t.toString())
        .add("verificationMethod",
            verificationMethod != null ? verificationMethod : key.publicKey().didKeyVerificationMethod())
        .add("proofPurpose", proofPurpose);
    if (chain.previousProof().size() == 1) {
      opts.add("previousProof", chain.previousProof().get(0));
    } else if (!chain.previousProof().isEmpty()) {
      opts.add("previousProof", JsonSupport.PROVIDER.createArrayBuilder(chain.previousProof()));
    }
    JsonObject unsecured = DataIntegrity.withDataIntegrityContext(DataIntegrity.withoutProof(document));
    // a chained proof signs the document with exactly the proofs it names attached, in document order
    JsonObject input = named.isEmpty() ? unsecured
        : io.github.microcred.vc.internal.verify.ProofChains.input(unsecured, existingProofs, named);
    if (suite.canonicalization() == Cryptosuite.Canonicalization.JCS && unsecured.containsKey("@context")) {
      // the JCS suites sign the proof as it is: it carries the document's @context (vc-di-eddsa / vc-di-ecdsa)
      opts.add("@context", unsecured.get("@context"));
      // verifiers read their decisions from the graph the signed JSON expresses under the pinned contexts: a
      // document without one (an undefined term, an unpinned context) is refused here, not issued unverifiable
      io.github.microcred.vc.internal.Canonicalizer.canonicalize(unsecured, loader, limits, "SHA-256");
    }
    JsonObject options = opts.build();
    String proofValue;
    if (suite == Cryptosuite.ECDSA_SD_2023) {
      SdKeys k = config.sdKeys() != null ? config.sdKeys()
          : new SdKeys(EcdsaSd2023.newHmacKey(), KeyPair.generate(KeyType.P256));
      proofValue = EcdsaSd2023.createBaseProof(unsecured, DataIntegrity.proofConfig(suite, options, unsecured),
          config.mandatoryPointers(), key, k.hmacKey(), k.proofKey(), loader, limits).proofValue();
    } else {
      DataIntegrity.HashData h = DataIntegrity.hash(suite, input,
          DataIntegrity.proofConfig(suite, options, input), key.type(), loader, limits);
      proofValue = Base58.encodeMultibase(key.sign(h.combined()));
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

  Optional<String> verificationMethod() {
    return Optional.ofNullable(config.verificationMethod());
  }
}
