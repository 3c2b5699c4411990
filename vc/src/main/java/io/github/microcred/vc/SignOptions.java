package io.github.microcred.vc;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The configuration of a Data Integrity signing ({@link Credentials#sign}, {@link Credentials#issue}), as one
 * immutable value that a {@link SignOperation} holds, the way Jackson's {@code ObjectReader} holds its
 * configuration and {@link VerifyOptions} configures every verifier. Each {@code with...} returns a new value; the
 * operation's own {@code with...} methods delegate here, and {@link SignOperation#withOptions(SignOptions)} replaces
 * the whole configuration at once, so one value can configure many signings:
 *
 * <pre>{@code
 * SignOptions options = SignOptions.defaults().withVerificationMethod(issuerDoc + "#key-1").withClock(clock);
 * ObjectNode a = Credentials.sign(first, key, Cryptosuite.EDDSA_RDFC_2022).withOptions(options).get();
 * ObjectNode b = Credentials.sign(second, key, Cryptosuite.EDDSA_RDFC_2022).withOptions(options).get();
 * }</pre>
 *
 * <p>Defaults: the key's {@code did:key} verification method; {@code created} read from the system UTC clock, to the
 * second; proof purpose {@code assertionMethod}; the pinned context loader; the default canonicalization limits; no
 * mandatory pointers; no proof {@code id}; no {@code previousProof} (a new proof beside existing ones is a proof
 * set). The document, the key and the cryptosuite are the operation's, not options.
 */
public final class SignOptions {
  private static final SignOptions DEFAULTS = new SignOptions(new Values());

  /** The mutable copy each {@code with...} edits before it is frozen into a new value. */
  private static final class Values implements Cloneable {
    String verificationMethod;
    Instant created;
    Clock clock = Clock.systemUTC();
    String proofPurpose = "assertionMethod";
    ContextLoader loader = ContextLoader.pinned();
    CanonicalizationLimits limits = CanonicalizationLimits.DEFAULT;
    List<String> mandatoryPointers = List.of();
    String proofId;
    List<String> previousProof = List.of();

    @Override
    protected Values clone() {
      try {
        return (Values) super.clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private final Values v;

  private SignOptions(Values v) {
    this.v = v;
  }

  private SignOptions with(Consumer<Values> change) {
    Values copy = v.clone();
    change.accept(copy);
    return new SignOptions(copy);
  }

  /**
   * The defaults (see the class description).
   *
   * @return the default options
   */
  public static SignOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the verification method id (default: the key's {@code did:key} method).
   *
   * @param id the id
   * @return new options
   */
  public SignOptions withVerificationMethod(String id) {
    Objects.requireNonNull(id, "verificationMethod");
    return with(c -> c.verificationMethod = id);
  }

  /**
   * Fixes the proof's {@code created} time (default: the clock's now, to the second).
   *
   * @param time the time
   * @return new options
   */
  public SignOptions withCreated(Instant time) {
    Objects.requireNonNull(time, "created");
    return with(c -> c.created = time);
  }

  /**
   * Sets the clock that {@code created} is read from when it is not fixed.
   *
   * @param clock the clock
   * @return new options
   */
  public SignOptions withClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return with(c -> c.clock = clock);
  }

  /**
   * Sets the proof purpose (default {@code assertionMethod}).
   *
   * @param purpose e.g. {@code authentication}
   * @return new options
   */
  public SignOptions withProofPurpose(String purpose) {
    Objects.requireNonNull(purpose, "proofPurpose");
    return with(c -> c.proofPurpose = purpose);
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param loader the loader
   * @return new options
   */
  public SignOptions withDocumentLoader(ContextLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return with(c -> c.loader = loader);
  }

  /**
   * Sets the canonicalization bounds (default {@link CanonicalizationLimits#DEFAULT}).
   *
   * @param limits the limits
   * @return new options
   */
  public SignOptions withLimits(CanonicalizationLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return with(c -> c.limits = limits);
  }

  /**
   * Sets the mandatory JSON pointers (RFC 6901) of an {@link Cryptosuite#ECDSA_SD_2023} base proof: the parts of the
   * credential a holder must disclose in every derived proof (typically {@code /issuer}, the validity dates and the
   * achievement). Default: none. Only that suite takes pointers: {@link SignOperation#get()} refuses them for any
   * other.
   *
   * @param pointers JSON pointers into the unsigned document, e.g. {@code /issuer}
   * @return new options
   */
  public SignOptions withMandatoryPointers(List<String> pointers) {
    List<String> p = List.copyOf(pointers);
    return with(c -> c.mandatoryPointers = p);
  }

  /**
   * Gives the new proof an {@code id} (e.g. a {@code urn:uuid:}), which later proofs of a proof chain name in their
   * {@code previousProof}. {@link SignOperation#get()} refuses an id another proof of the document already has.
   *
   * @param id the proof id (a URL)
   * @return new options
   */
  public SignOptions withProofId(String id) {
    Objects.requireNonNull(id, "id");
    return with(c -> c.proofId = id);
  }

  /**
   * Adds the new proof to a proof chain (VC Data Integrity 1.0, 4.3 Add Proof Set/Chain): it names the document's
   * existing proofs with these ids in {@code previousProof} (a string for one, an array for more) and signs the
   * document with exactly those proofs attached, so it verifies only together with them (a notary counter-signing
   * an issuer's proof). Default: none, the new proof is independent of the others (a proof set).
   * {@link SignOperation#get()} refuses an id that no proof of the document has ({@link VcErrorCode#INVALID_ARGUMENT},
   * the spec's PROOF_GENERATION_ERROR), and chains with {@link Cryptosuite#ECDSA_SD_2023}.
   *
   * @param ids the ids of the previous proofs, at least one, distinct
   * @return new options
   * @throws IllegalArgumentException if empty or repeated
   */
  public SignOptions withPreviousProof(String... ids) {
    List<String> p = List.of(ids);
    if (p.isEmpty() || new HashSet<>(p).size() != p.size()) {
      throw new IllegalArgumentException("previousProof: at least one proof id, each once");
    }
    return with(c -> c.previousProof = p);
  }

  /**
   * The verification method id, when set.
   *
   * @return the id, or empty for the key's {@code did:key} method
   */
  public Optional<String> verificationMethod() {
    return Optional.ofNullable(v.verificationMethod);
  }

  /**
   * The fixed {@code created} time, when set.
   *
   * @return the time, or empty to read {@link #clock()}
   */
  public Optional<Instant> created() {
    return Optional.ofNullable(v.created);
  }

  /**
   * The clock {@code created} is read from when it is not fixed.
   *
   * @return the clock
   */
  public Clock clock() {
    return v.clock;
  }

  /**
   * The proof purpose.
   *
   * @return e.g. {@code assertionMethod}
   */
  public String proofPurpose() {
    return v.proofPurpose;
  }

  /**
   * The context loader.
   *
   * @return the loader
   */
  public ContextLoader documentLoader() {
    return v.loader;
  }

  /**
   * The canonicalization bounds.
   *
   * @return the limits
   */
  public CanonicalizationLimits limits() {
    return v.limits;
  }

  /**
   * The mandatory pointers of an ecdsa-sd-2023 base proof.
   *
   * @return the pointers, unmodifiable, empty by default
   */
  public List<String> mandatoryPointers() {
    return v.mandatoryPointers;
  }

  /**
   * The new proof's {@code id}, when set.
   *
   * @return the id
   */
  public Optional<String> proofId() {
    return Optional.ofNullable(v.proofId);
  }

  /**
   * The ids of the proofs the new proof chains to.
   *
   * @return the ids, unmodifiable, empty for a proof set
   */
  public List<String> previousProof() {
    return v.previousProof;
  }

  @Override
  public String toString() {
    return "SignOptions[verificationMethod=" + (v.verificationMethod == null ? "did:key" : v.verificationMethod)
        + ", created=" + (v.created == null ? "now" : v.created) + ", proofPurpose=" + v.proofPurpose
        + ", mandatoryPointers=" + v.mandatoryPointers + ", proofId=" + v.proofId + ", previousProof="
        + v.previousProof + "]";
  }
}
