package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonInput;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.NestedCredentials;
import io.github.microcred.vc.internal.sd.EcdsaSd2023;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.internal.verify.KeyBinding;
import io.github.microcred.vc.internal.verify.ProofChains;
import io.github.microcred.vc.internal.verify.SignedCredential;
import io.github.microcred.vc.internal.verify.SignedGraph;
import io.github.microcred.vc.internal.verify.StatusGate;
import io.github.microcred.vc.internal.verify.ValidityWindow;
import io.github.microcred.vc.jose.Ob3Jwt;
import io.github.microcred.vc.jose.VcJwt;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A configured verification of one Data Integrity credential. Immutable: it holds the credential and one
 * {@link VerifyOptions}; each {@code with...} returns a new operation with derived options. {@link #get()} never
 * throws for a bad credential: every problem becomes a failed {@link VerificationCheck}. Obtained from
 * {@link Credentials#verify}.
 *
 * <p><b>Every decision is taken on signed data.</b> The document is canonicalized once; the canonical N-Quads are
 * both hashed for the signature and read as the signed graph, and the validity period ({@code validFrom} /
 * {@code validUntil}, VC 1.1 {@code issuanceDate} / {@code expirationDate}), the issuer that the key must be bound
 * to, and whether the credential has a {@code credentialStatus} are read from that graph, from the credential node
 * (the node typed {@code VerifiableCredential} whose id is the top-level {@code id}). A JSON-LD spelling that the JSON
 * keys would hide (a full-IRI or CURIE key, a value object, {@code @graph} / {@code @included} / {@code @nest} /
 * {@code @reverse}, a nested node that reuses the credential's id) cannot change these decisions. In addition the
 * {@link CheckName#COMPACT_FORM} check requires the compact form the pinned contexts define, and that the JSON's
 * checked members say exactly what the signed graph says, so that code reading JSON keys after verification (the
 * status check, {@code ob3.Awards}, the stacking audit) reads what was signed; the status check receives the
 * credential only when its {@code credentialStatus} agrees with the signed graph. Proof options are read from the
 * proof object, whose members are restricted to the Data Integrity proof terms.
 *
 * <p>The JCS suites ({@code eddsa-jcs-2022}, {@code ecdsa-jcs-2019}) sign the JSON text (RFC 8785) rather than the
 * graph. The decisions above are still read from the graph of the same unsecured JSON, which the pinned contexts
 * (checked by SHA-256) make a function of the signed bytes; the proof's {@code @context} must equal the
 * document's, so no context can be added after signing; the strict reader has already refused duplicate keys,
 * content after the document and unpaired surrogates, and JCS refuses numbers whose value its canonical form would
 * change, so no two readings of one signed text exist.
 */
public final class VerifyOperation {
  /** The VC 2.0 base context. */
  public static final String VC2 = DataModel.VC2;
  /** The VC 1.1 base context. */
  public static final String VC1 = DataModel.VC1;
  /** The largest clock skew {@link #withMaxClockSkew} accepts (see {@link VerifyOptions#MAX_SKEW}). */
  public static final Duration MAX_SKEW = VerifyOptions.MAX_SKEW;

  private final JsonInput input;
  private final VerifyOptions options;

  VerifyOperation(JsonInput input, VerifyOptions options) {
    this.input = input;
    this.options = options;
  }

  /**
   * Replaces the whole configuration.
   *
   * @param o the options
   * @return a new operation
   */
  public VerifyOperation withOptions(VerifyOptions o) {
    return new VerifyOperation(input, Objects.requireNonNull(o, "options"));
  }

  /**
   * The configuration.
   *
   * @return the options
   */
  public VerifyOptions options() {
    return options;
  }

  /**
   * Sets the clock for validity checks (see {@link VerifyOptions#withClock}).
   *
   * @param c the clock
   * @return a new operation
   */
  public VerifyOperation withClock(Clock c) {
    return withOptions(options.withClock(c));
  }

  /**
   * Sets the tolerated clock skew (default {@link VerifyOptions#DEFAULT_SKEW}, at most {@link #MAX_SKEW}).
   *
   * @param s the skew
   * @return a new operation
   * @throws IllegalArgumentException if negative or above {@link #MAX_SKEW}
   */
  public VerifyOperation withMaxClockSkew(Duration s) {
    return withOptions(options.withMaxClockSkew(s));
  }

  /**
   * Sets the context loader (default {@link ContextLoader#pinned()}).
   *
   * @param l the loader
   * @return a new operation
   */
  public VerifyOperation withDocumentLoader(ContextLoader l) {
    return withOptions(options.withDocumentLoader(l));
  }

  /**
   * Sets the canonicalization bounds.
   *
   * @param l the limits
   * @return a new operation
   */
  public VerifyOperation withLimits(CanonicalizationLimits l) {
    return withOptions(options.withLimits(l));
  }

  /**
   * Sets the DID resolver (default {@link DidResolvers#offline()}).
   *
   * @param r the resolver
   * @return a new operation
   */
  public VerifyOperation withDidResolver(DidResolver r) {
    return withOptions(options.withDidResolver(r));
  }

  /**
   * Adds a controller document the caller trusts (e.g. an {@code https:} issuer's), used for verification methods
   * whose id, without fragment, equals the document id.
   *
   * @param doc the document
   * @return a new operation
   */
  public VerifyOperation withControllerDocument(ControllerDocument doc) {
    return withOptions(options.withControllerDocument(doc));
  }

  /**
   * Sets the expected proof purpose (default {@code assertionMethod}).
   *
   * @param p the purpose
   * @return a new operation
   */
  public VerifyOperation withProofPurpose(String p) {
    return withOptions(options.withProofPurpose(p));
  }

  /**
   * Sets the status checker. Without one, a credential whose signed graph has a {@code credentialStatus} fails the
   * {@link CheckName#STATUS} check (fail closed).
   *
   * @param s the checker
   * @return a new operation
   */
  public VerifyOperation withStatus(StatusCheck s) {
    return withOptions(options.withStatus(s));
  }

  /**
   * Verifies. Never throws for a bad credential.
   *
   * @return the result with every check
   */
  public VerificationResult get() {
    try {
      return run();
    } catch (RuntimeException e) {
      return VerificationResult.of(List.of(VerificationCheck.failed(CheckName.SYNTAX, "$", VerificationCode.MALFORMED,
          "unexpected input: " + e)));
    }
  }

  private VerificationResult run() {
    List<VerificationCheck> checks = new ArrayList<>();
    CanonicalizationLimits limits = options.limits();
    ContextLoader loader = options.documentLoader();
    JsonObject doc;
    try {
      // strict: one JSON object, no trailing content, no duplicate keys, valid UTF-8, size and depth bounded
      doc = input.readObject("credential", JsonSupport.readLimits(limits));
    } catch (VcException e) {
      checks.add(VerificationCheck.failed(CheckName.SYNTAX, "$", VerificationCode.MALFORMED,
          e.code() + ": " + e.getMessage()));
      return VerificationResult.of(checks);
    }
    // a proof set larger than is verified is refused before any other pass reads its proofs
    JsonValue proofValue = doc.get("proof");
    if (proofValue != null && proofValue.getValueType() == JsonValue.ValueType.ARRAY
        && proofValue.asJsonArray().size() > ProofChains.MAX_PROOFS) {
      checks.add(VerificationCheck.failed(CheckName.PROOF_CHAIN, "$.proof", VerificationCode.PROOF_CHAIN_INVALID,
          "the document carries "
          + proofValue.asJsonArray().size() + " proofs; at most " + ProofChains.MAX_PROOFS + " are verified"));
      return VerificationResult.of(checks);
    }
    ObjectNode json = JsonSupport.toJackson(doc);
    Set<String> jsonLiterals = CompactForm.jsonLiteralTerms(json.get("@context"), loader);
    // the one data-model check of every verifier (VC 1.1 allowed for Data Integrity), then the proof's shape
    List<VerificationCheck> model = DataModel.problems(json, DataModel.Kind.CREDENTIAL, true, loader, jsonLiterals);
    model.addAll(proofShapeProblems(json));
    List<VerificationCheck> syntax = model.stream().filter(c -> c.name() == CheckName.SYNTAX).toList();
    List<VerificationCheck> contexts = model.stream().filter(c -> c.name() == CheckName.CONTEXTS).toList();
    if (syntax.isEmpty()) {
      checks.add(VerificationCheck.passed(CheckName.SYNTAX, "$", "well-formed credential"));
    }
    checks.addAll(syntax);
    if (contexts.isEmpty()) {
      checks.add(VerificationCheck.passed(CheckName.CONTEXTS, "$.@context", "all contexts pinned"));
    }
    checks.addAll(contexts);
    if (!model.isEmpty()) {
      return VerificationResult.of(checks);
    }
    List<String> compact = CompactForm.problems(json, jsonLiterals, true);
    int compactAt = checks.size();

    // the signed data: canonicalize once (per RDFC hash), read the graph from what is hashed
    JsonObject unsecured = DataIntegrity.withoutProof(doc);
    Map<String, Object> canonical = new HashMap<>();
    SignedGraph.Builder graph = new SignedGraph.Builder();
    Object first = canonical.computeIfAbsent("SHA-256", a -> canonicalize(unsecured, a, graph));
    SignedCredential signed = first instanceof byte[] ? SignedCredential.of(graph.build(), textId(json)) : null;
    String signedProblem = first instanceof VcException ? describe((VcException) first)
        : signed.rootProblem();
    String issuer = signed == null ? null : signed.issuer();
    String issuerProblem = signed == null ? signedProblem : signed.issuerProblem();

    List<JsonObject> proofs = proofs(doc);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < proofs.size(); i++) {
      paths.add(proofs.size() == 1 && doc.get("proof").getValueType() == JsonValue.ValueType.OBJECT
          ? "$.proof" : "$.proof[" + i + "]");
    }
    boolean proofsOk = proofs.size() == 1 && !proofs.get(0).containsKey("previousProof")
        ? verifyProof(unsecured, proofs.get(0), paths.get(0), issuer, issuerProblem, canonical, checks)
        : verifyProofSet(unsecured, proofs, paths, issuer, issuerProblem, canonical, checks);

    // compact form: the JSON rules, and the JSON's checked members agree with the signed graph
    List<String> statusProblems = new ArrayList<>();
    if (signed != null) {
      compact.addAll(signed.agreement(unsecured, json, loader, limits, statusProblems));
    } else {
      compact.add("$: the signed data cannot be read: " + signedProblem);
      statusProblems.add("the signed data cannot be read");
    }
    checks.add(compactAt, compact.isEmpty()
        ? VerificationCheck.passed(CheckName.COMPACT_FORM, "$",
            "compact form of the pinned contexts; the checked members agree with the signed graph")
        : VerificationCheck.failed(CheckName.COMPACT_FORM, "$", VerificationCode.NOT_COMPACT,
            String.join("; ", compact)));

    // validity period: the signed graph's dates, the proofs' created / expires
    Instant now = options.clock().instant();
    List<String> dateProblems = new ArrayList<>();
    List<ValidityWindow.Bound> bounds = signed == null ? new ArrayList<>() : signed.bounds(dateProblems);
    if (signed == null) {
      dateProblems.add("$: not checked, the signed data cannot be read: " + signedProblem);
    }
    for (int i = 0; i < proofs.size(); i++) {
      String path = proofs.size() == 1 && doc.get("proof").getValueType() == JsonValue.ValueType.OBJECT
          ? "$.proof" : "$.proof[" + i + "]";
      for (String f : List.of("created", "expires")) {
        JsonValue v = proofs.get(i).get(f);
        if (v != null) {
          bounds.add(ValidityWindow.Bound.dateTime(path + "." + f, f,
              v instanceof JsonString ? ((JsonString) v).getString() : null,
              "expires".equals(f)));
        }
      }
    }
    VerificationCheck validity = ValidityWindow.check(bounds, now, options.maxClockSkew());
    if (!dateProblems.isEmpty()) {
      String m = String.join("; ", dateProblems);
      validity = VerificationCheck.failed(CheckName.VALIDITY_PERIOD, "$", VerificationCode.BAD_TIME,
          validity.failed() ? m + "; " + validity.message() : m);
    }
    checks.add(validity);

    // status: decided on the signed graph, fails closed
    // the status check reads JSON: it runs only on a credential whose JSON says exactly what was signed
    boolean hasStatus = signed == null ? true : signed.hasStatus();
    String statusProblem = !statusProblems.isEmpty() ? "$.credentialStatus does not agree with the signed graph: "
        + String.join("; ", statusProblems)
        : !compact.isEmpty() ? "the credential is not in compact form, so its JSON may not say what was signed"
        : null;
    checks.add(StatusGate.check(hasStatus, "$.credentialStatus", options.status().orElse(null), proofsOk,
        statusProblem, () -> json.deepCopy(), now));
    return VerificationResult.of(checks, nested(json, jsonLiterals, proofsOk, checks));
  }

  /**
   * The embedded credentials (CLR {@code credentialSubject.verifiableCredential}, OB 3.0 {@code endorsement} /
   * {@code endorsementJwt} wherever they are), verified with these same options unless the options say
   * {@link VerifyOptions.NestedCredentials#IGNORE}.
   */
  private List<VerificationResult.Nested> nested(ObjectNode json, Set<String> jsonLiterals, boolean proofsOk,
      List<VerificationCheck> checks) {
    if (options.nestedCredentials() == VerifyOptions.NestedCredentials.IGNORE) {
      return List.of();
    }
    List<String> embedded = NestedCredentials.paths(json, jsonLiterals);
    if (embedded.isEmpty()) {
      return List.of();
    }
    if (!proofsOk) {
      checks.add(VerificationCheck.failed(CheckName.NESTED_CREDENTIALS, embedded.get(0),
          VerificationCode.NESTED_INVALID, embedded.size()
              + " embedded credential(s) not checked: the proof did not verify"));
      return List.of();
    }
    VerifyOptions inner = options.withProofPurpose("assertionMethod");
    return NestedCredentials.verify(json, jsonLiterals, new NestedCredentials.Verifier() {
      @Override
      public VerificationResult dataIntegrity(ObjectNode credential) {
        return new VerifyOperation(JsonInput.of(credential.toString()), inner).get();
      }

      @Override
      public VerificationResult jwt(String jwt) {
        return VcJwt.verify(jwt).withOptions(inner).get().result();
      }

      @Override
      public VerificationResult ob3Jwt(String jwt) {
        return Ob3Jwt.verify(jwt).withOptions(inner).get().result();
      }
    }, checks);
  }

  private static String textId(JsonNode json) {
    JsonNode id = json.get("id");
    return id != null && id.isTextual() ? id.asText() : null;
  }

  private static String describe(VcException e) {
    return e.code() + ": " + e.getMessage();
  }

  /**
   * The hash of the canonical document for an RDFC hash (a byte[]), or the failure (a VcException); cached in
   * {@code cache}.
   */
  private Object canonical(JsonObject unsecured, String alg, Map<String, Object> cache) {
    return cache.computeIfAbsent(alg, a -> canonicalize(unsecured, a, null));
  }

  /**
   * The {@code alg} hash of the canonical document (a byte[]), each canonical quad handed to {@code dataset} too, or
   * the failure.
   */
  private Object canonicalize(JsonObject unsecured, String alg, SignedGraph.Builder dataset) {
    try {
      return Canonicalizer.canonicalDigest(unsecured, options.documentLoader(), options.limits(), alg, dataset);
    } catch (VcException e) {
      return e;
    }
  }

  private static List<JsonObject> proofs(JsonObject doc) {
    JsonValue p = doc.get("proof");
    List<JsonObject> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    if (p.getValueType() == JsonValue.ValueType.OBJECT) {
      out.add(p.asJsonObject());
    } else if (p.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : p.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          out.add(v.asJsonObject());
        }
      }
    }
    return out;
  }

  private static List<VerificationCheck> proofShapeProblems(JsonNode doc) {
    List<VerificationCheck> p = new ArrayList<>();
    JsonNode proof = doc.get("proof");
    if (proof == null) {
      p.add(VerificationCheck.failed(CheckName.SYNTAX, "$.proof", VerificationCode.PROOF_MISSING,
          "proof is missing: the credential is not secured"));
      return p;
    }
    boolean array = proof.isArray();
    List<JsonNode> proofs = new ArrayList<>();
    if (array) {
      proof.forEach(proofs::add);
    } else {
      proofs.add(proof);
    }
    for (JsonNode x : proofs) {
      if (!x.isObject()) {
        proofs.clear();
        break;
      }
    }
    if (proofs.isEmpty()) {
      p.add(VerificationCheck.failed(CheckName.SYNTAX, "$.proof", VerificationCode.PROOF_MALFORMED,
          "proof must be an object or an array of objects"));
    }
    for (int i = 0; i < proofs.size(); i++) {
      // Ed25519Signature2020 (read-only, for existing badges) names no cryptosuite: its type is the suite
      boolean legacySuite = ED25519_SIGNATURE_2020.equals(proofs.get(i).path("type").asText());
      for (String m : List.of("type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue")) {
        if (legacySuite && m.equals("cryptosuite")) {
          if (proofs.get(i).has(m)) {
            String path = "$.proof" + (array ? "[" + i + "]" : "") + "." + m;
            p.add(VerificationCheck.failed(CheckName.SYNTAX, path, VerificationCode.PROOF_MALFORMED, path
                + " must be absent: an Ed25519Signature2020 proof has no cryptosuite"));
          }
          continue;
        }
        if (!proofs.get(i).path(m).isTextual()) {
          String path = "$.proof" + (array ? "[" + i + "]" : "") + "." + m;
          p.add(VerificationCheck.failed(CheckName.SYNTAX, path, VerificationCode.PROOF_MALFORMED,
              path + " must be a string"));
        }
      }
    }
    return p;
  }

  private boolean verifyProof(JsonObject unsecured, JsonObject proof, String path, String issuer,
      String issuerProblem, Map<String, Object> canonical, List<VerificationCheck> checks) {
    String vmId = proof.getString("verificationMethod");
    String purpose = options.proofPurpose();
    String purposeProblem = null;
    VerificationCode purposeCode = VerificationCode.PURPOSE_MISMATCH;
    if (!purpose.equals(proof.getString("proofPurpose"))) {
      purposeProblem = "proofPurpose is '" + proof.getString("proofPurpose") + "', expected '" + purpose + "'";
    }
    KeyBinding.Binding b = KeyBinding.bind(options, vmId, purpose, issuer, "issuer");
    if (purposeProblem == null && !b.bound()) {
      boolean unreadIssuer = issuer == null && b.method() != null && issuerProblem != null;
      purposeProblem = unreadIssuer ? issuerProblem : b.problem();
      purposeCode = unreadIssuer ? VerificationCode.CONTROLLER_MISMATCH : b.code();
    }
    checks.add(purposeProblem == null
        ? VerificationCheck.passed(CheckName.PURPOSE_AND_CONTROLLER, path,
            vmId + " is authorised for " + purpose + " by the issuer")
        : VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path, purposeCode, purposeProblem));
    VerificationCheck sig = signature(unsecured, proof, path, b.method(), canonical);
    checks.add(sig);
    return purposeProblem == null && sig.outcome() == VerificationCheck.Outcome.PASSED;
  }

  /**
   * A proof set or chain (VC Data Integrity 1.0, 4.5 Verify Proof Sets and Chains): the structure first
   * ({@link ProofChains#plan}: unique ids, every previousProof naming other proofs of this document, no cycle, at
   * most {@link ProofChains#MAX_PROOFS}); then every proof, a proof that names previous ones over the unsecured
   * document with exactly those proofs attached; a proof is verified when its signature and purpose hold and every
   * proof it names is verified. Each method must be authorised by its own controller, and at least one verified
   * proof's controller must be the issuer (the others co-sign: a notary, an accreditor).
   */
  private boolean verifyProofSet(JsonObject unsecured, List<JsonObject> proofs, List<String> paths, String issuer,
      String issuerProblem, Map<String, Object> canonical, List<VerificationCheck> checks) {
    ProofChains.Plan plan = ProofChains.plan(proofs, paths);
    if (plan.setProblem() != null) {
      checks.add(VerificationCheck.failed(CheckName.PROOF_CHAIN, "$.proof", VerificationCode.PROOF_CHAIN_INVALID,
          plan.setProblem()));
      return false;
    }
    int n = proofs.size();
    String purpose = options.proofPurpose();
    boolean[] own = new boolean[n];
    boolean[] issuerKey = new boolean[n];
    Map<List<Integer>, Map<String, Object>> caches = new HashMap<>();
    caches.put(List.of(), canonical);
    for (int i = 0; i < n; i++) {
      JsonObject proof = proofs.get(i);
      String path = paths.get(i);
      String vmId = proof.getString("verificationMethod");
      String purposeProblem = purpose.equals(proof.getString("proofPurpose")) ? null
          : "proofPurpose is '" + proof.getString("proofPurpose") + "', expected '" + purpose + "'";
      VerificationCode purposeCode = VerificationCode.PURPOSE_MISMATCH;
      KeyBinding.Binding b = KeyBinding.controlled(options, vmId, purpose);
      if (purposeProblem == null && !b.bound()) {
        purposeProblem = b.problem();
        purposeCode = b.code();
      }
      issuerKey[i] = b.bound() && issuer != null && b.controller().id().equals(issuer);
      checks.add(purposeProblem == null
          ? VerificationCheck.passed(CheckName.PURPOSE_AND_CONTROLLER, path, vmId + " is authorised for " + purpose
              + " by its controller " + b.controller().id() + (issuerKey[i] ? " (the issuer)"
                  : " (a co-signer, not the issuer)"))
          : VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, path, purposeCode, purposeProblem));
      String problem = plan.problems().get(i);
      VerificationCheck sig;
      if (problem != null) {
        sig = VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_CHAIN_INVALID,
            "not verified: " + problem);
      } else {
        List<Integer> named = plan.previous().get(i);
        JsonObject input = named.isEmpty() ? unsecured : ProofChains.input(unsecured, proofs, named);
        sig = signature(input, proof, path, b.method(), caches.computeIfAbsent(named, k -> new HashMap<>()));
      }
      checks.add(sig);
      own[i] = purposeProblem == null && sig.outcome() == VerificationCheck.Outcome.PASSED;
    }
    // a proof is verified when it holds and every proof it names is verified (the plan refused every cycle)
    Boolean[] verified = new Boolean[n];
    boolean all = true;
    boolean byIssuer = false;
    List<String> chains = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String problem = plan.problems().get(i);
      if (problem != null) {
        checks.add(VerificationCheck.failed(CheckName.PROOF_CHAIN, paths.get(i), VerificationCode.PROOF_CHAIN_INVALID,
            problem));
        all = false;
        continue;
      }
      List<String> unverified = new ArrayList<>();
      for (int j : plan.previous().get(i)) {
        if (!chainVerified(j, plan, own, verified)) {
          unverified.add(paths.get(j));
        }
      }
      if (!unverified.isEmpty()) {
        checks.add(VerificationCheck.failed(CheckName.PROOF_CHAIN, paths.get(i), VerificationCode.PROOF_CHAIN_INVALID,
            "not verified: the previous "
            + "proof(s) it names (" + String.join(", ", unverified) + ") did not verify"));
        all = false;
      } else if (!plan.previous().get(i).isEmpty()) {
        chains.add(paths.get(i) + " after " + String.join(", ", plan.previous().get(i).stream().map(paths::get)
            .toList()));
      }
      boolean ok = chainVerified(i, plan, own, verified);
      all &= ok;
      byIssuer |= ok && issuerKey[i];
    }
    if (all) {
      checks.add(VerificationCheck.passed(CheckName.PROOF_CHAIN, "$.proof", n + " proofs, each verified"
          + (chains.isEmpty() ? " on its own (a proof set)" : "; chained: " + String.join("; ", chains))));
    }
    if (!byIssuer && all) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof",
          VerificationCode.CONTROLLER_MISMATCH, issuer == null
          ? (issuerProblem != null ? issuerProblem : "the signed data names no issuer")
          : "no proof is by the issuer: issuer " + issuer + " controls none of the verification methods"));
    }
    return all && byIssuer;
  }

  private static boolean chainVerified(int i, ProofChains.Plan plan, boolean[] own, Boolean[] memo) {
    if (memo[i] == null) {
      boolean ok = own[i] && plan.problems().get(i) == null;
      for (int j : plan.previous().get(i)) {
        ok = ok && chainVerified(j, plan, own, memo);
      }
      memo[i] = ok;
    }
    return memo[i];
  }

  /** The proof type of the W3C CCG Ed25519 Signature 2020 suite, read for existing OB 3.0 badges. */
  static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";

  private VerificationCheck signature(JsonObject unsecured, JsonObject proof, String path, VerificationMethod vm,
      Map<String, Object> canonical) {
    if (ED25519_SIGNATURE_2020.equals(proof.getString("type"))) {
      return ed25519Signature2020(unsecured, proof, path, vm, canonical);
    }
    if (!"DataIntegrityProof".equals(proof.getString("type"))) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.UNSUPPORTED_PROOF,
          "proof type '" + proof.getString("type")
          + "' is not supported; expected DataIntegrityProof (or Ed25519Signature2020, verified only)");
    }
    Cryptosuite suite = Cryptosuite.byId(proof.getString("cryptosuite")).orElse(null);
    if (suite == null) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.UNSUPPORTED_PROOF,
          "cryptosuite '" + proof.getString("cryptosuite")
          + "' is not supported; expected one of " + Cryptosuite.supported());
    }
    if (vm == null) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.KEY_UNRESOLVED,
          "no key: the verification method did not resolve");
    }
    KeyType kt = vm.publicKey().type();
    if (!suite.accepts(kt)) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.KEY_TYPE_MISMATCH,
          suite.id() + " cannot be verified with a " + kt
          + " key");
    }
    if (proof.containsKey("previousProof") && suite == Cryptosuite.ECDSA_SD_2023) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.UNSUPPORTED_PROOF,
          "an ecdsa-sd-2023 proof cannot be chained (previousProof): a derived proof discloses part of the "
          + "document, a chained one signs the whole");
    }
    JsonValue pctx = proof.get("@context");
    boolean jcs = suite.canonicalization() == Cryptosuite.Canonicalization.JCS;
    if (jcs && pctx != null && !pctx.equals(unsecured.get("@context"))) {
      // the specs accept a document @context that merely starts with the proof's and then verify the document
      // under the proof's: contexts appended after signing would change what the JSON means, unsigned
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_CONTEXT_MISMATCH,
          "proof @context must equal the document's @context ("
          + suite.id() + " signs the JSON under the proof's contexts; the document's may not add any)");
    }
    if (!jcs && pctx != null) {
      JsonValue dctx = unsecured.get("@context");
      List<JsonValue> d = dctx.getValueType() == JsonValue.ValueType.ARRAY ? dctx.asJsonArray() : List.of(dctx);
      List<JsonValue> pc = pctx.getValueType() == JsonValue.ValueType.ARRAY ? pctx.asJsonArray() : List.of(pctx);
      if (pc.size() > d.size() || !d.subList(0, pc.size()).equals(pc)) {
        return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_CONTEXT_MISMATCH,
            "proof @context is not a prefix of the document's @context");
      }
    }
    if (suite == Cryptosuite.ECDSA_SD_2023) {
      // a derived (disclosure) proof: every disclosed statement is covered by the base signature (mandatory ones)
      // or by its own signature; a base proof is refused (it is for the holder)
      EcdsaSd2023.Verification v =
          EcdsaSd2023.verifyDerived(unsecured,
              DataIntegrity.proofConfig(suite, proof, unsecured), proof.getString("proofValue"), vm.publicKey(),
              options.documentLoader(), options.limits());
      return v.verified()
          ? VerificationCheck.passed(CheckName.PROOF, path, suite.id() + " derived proof verified with " + vm.id()
              + " (" + v.nonMandatory().size() + " selectively disclosed statements and the mandatory ones)")
          : VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.SIGNATURE_INVALID,
              v.code() + ": " + v.problem());
    }
    byte[] sig;
    try {
      sig = Base58.decodeMultibase(proof.getString("proofValue"));
    } catch (IllegalArgumentException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_MALFORMED,
          "proofValue: " + e.getMessage());
    }
    Object c = jcs ? null : canonical(unsecured, DataIntegrity.rdfcHash(kt), canonical);
    if (c instanceof VcException) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.CANONICALIZATION_FAILED,
          describe((VcException) c));
    }
    try {
      JsonObject config = DataIntegrity.proofConfig(suite, proof, unsecured);
      byte[] signingInput = jcs
          ? DataIntegrity.signingInput(suite, unsecured, config, kt, options.documentLoader(), options.limits())
          : DataIntegrity.signingInput((byte[]) c, config, kt, options.documentLoader(), options.limits());
      if (!vm.publicKey().verify(signingInput, sig)) {
        return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.SIGNATURE_INVALID,
            "signature does not verify (" + suite.id() + ")");
      }
    } catch (VcException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.CANONICALIZATION_FAILED, describe(e));
    }
    return VerificationCheck.passed(CheckName.PROOF, path, suite.id() + " signature verified with " + vm.id());
  }

  /**
   * Ed25519Signature2020 (W3C CCG, the proof most OB 3.0 badges issued before 2024 carry): the same transformation
   * and hashing as {@code eddsa-rdfc-2022} - RDFC-1.0 (= URDNA2015) of the document and of the proof configuration
   * (the proof without {@code proofValue}, under the document's {@code @context}), SHA-256 of each, the proof
   * configuration's hash first - with an Ed25519 key and a base58btc {@code proofValue}. The type term comes from the
   * pinned {@code https://w3id.org/security/suites/ed25519-2020/v1} context, which the document must list (otherwise
   * canonicalization refuses the undefined type). Verified only: microcred signs with eddsa-rdfc-2022.
   */
  private VerificationCheck ed25519Signature2020(JsonObject unsecured, JsonObject proof, String path,
      VerificationMethod vm, Map<String, Object> canonical) {
    if (vm == null) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.KEY_UNRESOLVED,
          "no key: the verification method did not resolve");
    }
    if (vm.publicKey().type() != KeyType.ED25519) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.KEY_TYPE_MISMATCH,
          "Ed25519Signature2020 cannot be verified with a "
          + vm.publicKey().type() + " key");
    }
    if (proof.containsKey("previousProof") || proof.containsKey("@context")) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_MALFORMED,
          "an Ed25519Signature2020 proof has no "
          + (proof.containsKey("@context") ? "@context" : "previousProof") + " of its own");
    }
    String value = proof.getString("proofValue");
    byte[] sig;
    try {
      if (!value.startsWith("z")) {
        throw new IllegalArgumentException("Ed25519Signature2020 proofValue must be base58btc multibase ('z...')");
      }
      sig = Base58.decodeMultibase(value);
    } catch (IllegalArgumentException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.PROOF_MALFORMED,
          "proofValue: " + e.getMessage());
    }
    Object c = canonical(unsecured, "SHA-256", canonical);
    if (c instanceof VcException) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.CANONICALIZATION_FAILED,
          describe((VcException) c));
    }
    try {
      JsonObject config = DataIntegrity.proofConfig(proof, unsecured.get("@context"));
      byte[] signingInput = DataIntegrity.signingInput((byte[]) c, config, KeyType.ED25519,
          options.documentLoader(), options.limits());
      if (!vm.publicKey().verify(signingInput, sig)) {
        return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.SIGNATURE_INVALID,
            "signature does not verify (Ed25519Signature2020)");
      }
    } catch (VcException e) {
      return VerificationCheck.failed(CheckName.PROOF, path, VerificationCode.CANONICALIZATION_FAILED, describe(e));
    }
    return VerificationCheck.passed(CheckName.PROOF, path, "Ed25519Signature2020 signature verified with "
        + vm.id() + " (read-only suite)");
  }
}
