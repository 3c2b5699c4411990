package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.internal.BulkSigner;
import io.github.microcred.vc.internal.JsonInput;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.ob3.MicroCredentials;
import io.github.microcred.vc.ob3.OpenBadgeCredential;
import io.github.microcred.vc.ob3.Profile;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The front door of the vc module: sign a credential with a Data Integrity proof, verify one, or issue an Open Badge
 * from the core model. Each method returns an immutable, configurable operation object.
 *
 * <pre>{@code
 * KeyPair key = KeyPair.generate(KeyType.ED25519);
 * ObjectNode signed = Credentials.sign(unsigned, key, Cryptosuite.EDDSA_RDFC_2022).get();
 * VerificationResult r = Credentials.verify(signed).withControllerDocument(issuerDoc).get();
 * }</pre>
 */
public final class Credentials {
  private Credentials() {}

  /**
   * Prepares signing of a JSON-LD document.
   *
   * @param document the document (an unsigned credential, or one with proofs to add to)
   * @param key the signing key
   * @param suite the cryptosuite
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the document is not a JSON object
   */
  public static SignOperation sign(JsonNode document, KeyPair key, Cryptosuite suite) throws VcException {
    Objects.requireNonNull(document, "document");
    return sign(document.toString(), key, suite);
  }

  /**
   * Signs many documents in parallel (bulk issuance): each JSON text of {@code documents} is signed as
   * {@link #sign(String, KeyPair, Cryptosuite)} would, on all available processors, and the outcomes come back in
   * input order, one per document, a failure as its error (the document's index included) instead of an exception, so
   * no document is lost. The input is read lazily and at most a few documents per processor are in flight, so memory
   * does not grow with the input. Close the returned stream (try-with-resources) to stop the workers early.
   *
   * <pre>{@code
   * try (Stream<BulkSigned> out = Credentials.signAll(Files.lines(in), key, Cryptosuite.EDDSA_RDFC_2022,
   *     (done, failed) -> {})) {
   *   out.forEach(r -> ...);
   * }
   * }</pre>
   *
   * @param documents the unsigned documents, one JSON text each
   * @param key the signing key
   * @param suite the cryptosuite
   * @param progress told after each outcome is handed out
   * @return the outcomes, in input order
   */
  public static Stream<BulkSigned> signAll(Stream<String> documents, KeyPair key,
      Cryptosuite suite, BulkProgress progress) {
    return signAll(documents, key, suite, progress, UnaryOperator.identity());
  }

  /**
   * As {@link #signAll(java.util.stream.Stream, KeyPair, Cryptosuite, BulkProgress)}, with each document's
   * operation configured by {@code options} (e.g. {@code op -> op.withCreated(t).withDocumentLoader(loader)}).
   *
   * @param documents the unsigned documents, one JSON text each
   * @param key the signing key
   * @param suite the cryptosuite
   * @param progress told after each outcome is handed out
   * @param options configures each document's sign operation
   * @return the outcomes, in input order
   */
  public static Stream<BulkSigned> signAll(Stream<String> documents, KeyPair key,
      Cryptosuite suite, BulkProgress progress, UnaryOperator<SignOperation> options) {
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(options, "options");
    long[] counts = new long[2];
    Stream<BulkSigned> out = BulkSigner.<String, BulkSigned>map(
        documents, Runtime.getRuntime().availableProcessors(),
        index -> json -> {
          try {
            return BulkSigned.ok(index, options.apply(sign(json, key, suite)).getJson());
          } catch (VcException e) {
            return BulkSigned.failed(index, e);
          } catch (RuntimeException e) {
            return BulkSigned.failed(index, new VcException(VcErrorCode.INVALID_DOCUMENT,
                "document " + index + " could not be signed: " + e));
          }
        },
        (index, t) -> BulkSigned.failed(index, new VcException(VcErrorCode.INVALID_DOCUMENT,
            "document " + index + " could not be signed: " + t)));
    return out.peek(r -> {
      counts[0]++;
      if (!r.isSigned()) {
        counts[1]++;
      }
      progress.update(counts[0], counts[1]);
    });
  }

  /**
   * Prepares signing of a JSON-LD document given as text.
   *
   * @param json the document
   * @param key the signing key
   * @param suite the cryptosuite
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the text is not a JSON object
   */
  public static SignOperation sign(String json, KeyPair key, Cryptosuite suite) throws VcException {
    return sign(JsonInput.of(json), key, suite);
  }

  /**
   * Prepares signing of a JSON-LD document given as UTF-8 bytes (e.g. a file's content).
   *
   * @param utf8 the document
   * @param key the signing key
   * @param suite the cryptosuite
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the bytes are not one strict JSON object
   *     (invalid UTF-8, duplicate keys or content after the object included), {@link VcErrorCode#LIMIT_EXCEEDED}
   *     if it is larger or deeper than {@link CanonicalizationLimits#DEFAULT}
   */
  public static SignOperation sign(byte[] utf8, KeyPair key, Cryptosuite suite) throws VcException {
    return sign(JsonInput.of(utf8), key, suite);
  }

  private static SignOperation sign(JsonInput input, KeyPair key, Cryptosuite suite) throws VcException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(suite, "suite");
    JsonObject doc = input.readObject("document", JsonSupport.readLimits(CanonicalizationLimits.DEFAULT));
    return new SignOperation(doc, key, suite, SignOptions.defaults());
  }

  /**
   * Prepares issuing an Open Badge: awards a core {@link io.github.microcred.core.MicroCredential} to a learner as an
   * {@code OpenBadgeCredential} (see {@link io.github.microcred.vc.ob3.MicroCredentials}) issued by the key's
   * {@code did:key}, valid from now, signed with the key's default suite.
   *
   * @param microCredential the micro-credential (must have an IRI id)
   * @param learnerId the learner's IRI (e.g. a DID)
   * @param key the issuer's key
   * @return the signing operation (configure {@code withCreated}, {@code withClock}, ...)
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the micro-credential cannot be mapped
   */
  public static SignOperation issue(MicroCredential microCredential, String learnerId,
      KeyPair key) throws VcException {
    return issue(microCredential, learnerId, key, Clock.systemUTC());
  }

  /**
   * As {@link #issue(io.github.microcred.core.MicroCredential, String, KeyPair)}, with the clock that sets the
   * award time ({@code validFrom}, {@code awardedDate}) and the proof's {@code created}.
   *
   * @param microCredential the micro-credential
   * @param learnerId the learner's IRI
   * @param key the issuer's key
   * @param clock the clock
   * @return the signing operation
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the micro-credential cannot be mapped
   */
  public static SignOperation issue(MicroCredential microCredential, String learnerId,
      KeyPair key, Clock clock) throws VcException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    OpenBadgeCredential ob = MicroCredentials.toOpenBadge(
        microCredential, Profile.of(key.publicKey().didKey(),
            microCredential.awardingBodies().isEmpty() ? key.publicKey().didKey()
                : microCredential.awardingBodies().get(0).name()),
        learnerId, "urn:uuid:" + UUID.randomUUID(), now);
    return sign(ob.toJson(), key, Cryptosuite.forKey(key.type())).withClock(clock);
  }

  /**
   * Prepares issuing an {@link io.github.microcred.core.Award} as a signed {@code OpenBadgeCredential}, issued by the
   * key's {@code did:key} (see {@link io.github.microcred.vc.ob3.MicroCredentials#toOpenBadge(
   * io.github.microcred.core.Award, String)}).
   *
   * @param award the award (with an IRI id, and its micro-credential with an IRI id)
   * @param key the issuer's key
   * @return the signing operation
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the award cannot be mapped
   */
  public static SignOperation issue(Award award, KeyPair key) throws VcException {
    return sign(MicroCredentials.toOpenBadge(award, key.publicKey().didKey()).toJson(),
        key, Cryptosuite.forKey(key.type()));
  }

  /**
   * Reads one JSON object with the strict reader every operation of this module uses (content after the object,
   * duplicate keys, invalid UTF-8 and unpaired surrogates refused; size and nesting bounded by
   * {@link CanonicalizationLimits#DEFAULT}), e.g. a file's content before signing it as a {@code vc+jwt}.
   *
   * @param utf8 the JSON bytes
   * @return the object
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the position and path, or
   *     {@link VcErrorCode#LIMIT_EXCEEDED}
   */
  public static ObjectNode readObject(byte[] utf8) throws VcException {
    return JsonSupport.toJackson(JsonInput.of(utf8).readObject("document",
        JsonSupport.readLimits(CanonicalizationLimits.DEFAULT)));
  }

  /**
   * Prepares a selective disclosure: from a credential secured with an {@link Cryptosuite#ECDSA_SD_2023} base proof
   * (issued with {@link SignOperation#withMandatoryPointers}), the holder derives a credential that discloses the
   * issuer's mandatory parts and the parts these JSON pointers (RFC 6901) name, e.g.
   * {@code /credentialSubject/achievement/name}, with a derived proof any verifier checks.
   *
   * <pre>{@code
   * ObjectNode base = Credentials.sign(unsigned, issuerKey, Cryptosuite.ECDSA_SD_2023)
   *     .withMandatoryPointers(List.of("/issuer", "/validFrom")).get();
   * ObjectNode disclosed = Credentials.derive(base, List.of("/credentialSubject/achievement")).get();
   * VerificationResult r = Credentials.verify(disclosed).get();
   * }</pre>
   *
   * @param credential the credential with its base proof
   * @param selectivePointers the pointers to disclose (may be empty: the mandatory parts only)
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the credential is not a JSON object
   */
  public static DeriveOperation derive(JsonNode credential, List<String> selectivePointers) throws VcException {
    Objects.requireNonNull(credential, "credential");
    return derive(credential.toString().getBytes(StandardCharsets.UTF_8), selectivePointers);
  }

  /**
   * As {@link #derive(JsonNode, List)}, for a credential given as UTF-8 bytes (read strictly: invalid UTF-8,
   * duplicate keys and content after the object are refused).
   *
   * @param utf8 the credential with its base proof
   * @param selectivePointers the pointers to disclose
   * @return the operation
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the bytes are not one strict JSON object,
   *     {@link VcErrorCode#LIMIT_EXCEEDED} if larger or deeper than {@link CanonicalizationLimits#DEFAULT}
   */
  public static DeriveOperation derive(byte[] utf8, List<String> selectivePointers) throws VcException {
    List<String> pointers = List.copyOf(Objects.requireNonNull(selectivePointers, "selectivePointers"));
    JsonObject doc = JsonInput.of(utf8).readObject("credential",
        JsonSupport.readLimits(CanonicalizationLimits.DEFAULT));
    return new DeriveOperation(doc, pointers, ContextLoader.pinned(), CanonicalizationLimits.DEFAULT);
  }

  /**
   * Prepares verification of a credential.
   *
   * @param credential the credential
   * @return the operation
   */
  public static VerifyOperation verify(JsonNode credential) {
    return verify(Objects.requireNonNull(credential, "credential").toString());
  }

  /**
   * Prepares verification of a credential given as text (verified exactly as given: duplicate keys are refused).
   *
   * @param json the credential
   * @return the operation
   */
  public static VerifyOperation verify(String json) {
    return verify(JsonInput.of(json));
  }

  /**
   * Prepares verification of a credential given as UTF-8 bytes, e.g. a file's content (verified exactly as given:
   * invalid UTF-8, duplicate keys and content after the JSON value are refused).
   *
   * @param utf8 the credential
   * @return the operation
   */
  public static VerifyOperation verify(byte[] utf8) {
    return verify(JsonInput.of(utf8));
  }

  private static VerifyOperation verify(JsonInput input) {
    return new VerifyOperation(input, VerifyOptions.defaults());
  }
}
