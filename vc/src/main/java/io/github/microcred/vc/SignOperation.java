package io.github.microcred.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A configured signing of one document with a Data Integrity proof. Immutable: each {@code with...} returns a new
 * operation. If the document already has a {@code proof}, the new proof is added to it as a proof set.
 * Obtained from {@link Credentials#sign}.
 */
public final class SignOperation {
  private final JsonObject document;
  private final KeyPair key;
  private final Cryptosuite suite;
  private final String verificationMethod;
  private final Instant created;
  private final Clock clock;
  private final String proofPurpose;
  private final ContextLoader loader;
  private final CanonicalizationLimits limits;

  SignOperation(JsonObject document, KeyPair key, Cryptosuite suite, String verificationMethod, Instant created,
      Clock clock, String proofPurpose, ContextLoader loader, CanonicalizationLimits limits) {
    this.document = document;
    this.key = key;
    this.suite = suite;
    this.verificationMethod = verificationMethod;
    this.created = created;
    this.clock = clock;
    this.proofPurpose = proofPurpose;
    this.loader = loader;
    this.limits = limits;
  }

  /**
   * Sets the verification method id (default: the key's {@code did:key} method).
   *
   * @param id the id
   * @return a new operation
   */
  public SignOperation withVerificationMethod(String id) {
    return new SignOperation(document, key, suite, Objects.requireNonNull(id), created, clock, proofPurpose, loader,
        limits);
  }

  /**
   * Fixes the proof's {@code created} time (default: the clock's now, to the second).
   *
   * @param time the time
   * @return a new operation
   */
  public SignOperation withCreated(Instant time) {
    return new SignOperation(document, key, suite, verificationMethod, Objects.requireNonNull(time), clock,
        proofPurpose, loader, limits);
  }

  /**
   * Sets the clock used for {@code created}.
   *
   * @param c the clock
   * @return a new operation
   */
  public SignOperation withClock(Clock c) {
    return new SignOperation(document, key, suite, verificationMethod, created, Objects.requireNonNull(c),
        proofPurpose, loader, limits);
  }

  /**
   * Sets the proof purpose (default {@code assertionMethod}).
   *
   * @param purpose e.g. {@code authentication}
   * @return a new operation
   */
  public SignOperation withProofPurpose(String purpose) {
    return new SignOperation(document, key, suite, verificationMethod, created, clock,
        Objects.requireNonNull(purpose), loader, limits);
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param l the loader
   * @return a new operation
   */
  public SignOperation withDocumentLoader(ContextLoader l) {
    return new SignOperation(document, key, suite, verificationMethod, created, clock, proofPurpose,
        Objects.requireNonNull(l), limits);
  }

  /**
   * Sets the canonicalization bounds.
   *
   * @param l the limits
   * @return a new operation
   */
  public SignOperation withLimits(CanonicalizationLimits l) {
    return new SignOperation(document, key, suite, verificationMethod, created, clock, proofPurpose, loader,
        Objects.requireNonNull(l));
  }

  /**
   * Signs.
   *
   * @return the signed document (a new object; the input is not changed)
   * @throws VcException {@link VcErrorCode#UNSUPPORTED_SUITE} if the key does not fit the suite,
   *     {@link VcErrorCode#CANONICALIZATION_FAILED} / {@link VcErrorCode#CONTEXT_NOT_PINNED} /
   *     {@link VcErrorCode#LIMIT_EXCEEDED} if the document cannot be canonicalized (with RDFC-1.0, which the JCS
   *     suites also require of the document, as the verifier reads its decisions from that graph),
   *     {@link VcErrorCode#INVALID_DOCUMENT} for a number the JCS suites cannot sign exactly (naming its path)
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
    Instant t = created != null ? created : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JsonObjectBuilder opts = JsonSupport.PROVIDER.createObjectBuilder()
        .add("type", "DataIntegrityProof")
        .add("cryptosuite", suite.id())
        .add("created", t.toString())
        .add("verificationMethod",
            verificationMethod != null ? verificationMethod : key.publicKey().didKeyVerificationMethod())
        .add("proofPurpose", proofPurpose);
    JsonObject unsecured = DataIntegrity.withDataIntegrityContext(DataIntegrity.withoutProof(document));
    if (suite.canonicalization() == Cryptosuite.Canonicalization.JCS && unsecured.containsKey("@context")) {
      // the JCS suites sign the proof as it is: it carries the document's @context (vc-di-eddsa / vc-di-ecdsa)
      opts.add("@context", unsecured.get("@context"));
      // verifiers read their decisions from the graph the signed JSON expresses under the pinned contexts: a
      // document without one (an undefined term, an unpinned context) is refused here, not issued unverifiable
      io.github.microcred.vc.internal.Canonicalizer.canonicalize(unsecured, loader, limits, "SHA-256");
    }
    JsonObject options = opts.build();
    DataIntegrity.HashData h = DataIntegrity.hash(suite, unsecured,
        DataIntegrity.proofConfig(suite, options, unsecured), key.type(), loader, limits);
    String proofValue = Base58.encodeMultibase(key.sign(h.combined()));
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
    return Optional.ofNullable(verificationMethod);
  }
}
