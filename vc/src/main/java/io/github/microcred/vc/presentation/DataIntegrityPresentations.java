package io.github.microcred.vc.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.Cryptosuite;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerifyOptions;
import io.github.microcred.vc.internal.Base58;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.DataIntegrity;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.verify.CompactForm;
import io.github.microcred.vc.internal.verify.DataModel;
import io.github.microcred.vc.internal.verify.KeyBinding;
import io.github.microcred.vc.internal.verify.SignedGraph;
import io.github.microcred.vc.internal.verify.ValidityWindow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Data Integrity proofs on presentations: {@code authentication} purpose bound to a challenge and domain. */
final class DataIntegrityPresentations {

  private DataIntegrityPresentations() {}

  static ObjectNode sign(JsonNode vp, KeyPair key, Cryptosuite suite, String vmId, String challenge, String domain,
      Instant created) throws VcException {
    if (suite == Cryptosuite.ECDSA_SD_2023) {
      throw new VcException(VcErrorCode.UNSUPPORTED_SUITE, suite.id() + " secures credentials (base and derived "
          + "proofs), not presentations");
    }
    if (!suite.accepts(key.type())) {
      throw new VcException(VcErrorCode.UNSUPPORTED_SUITE, suite.id() + " cannot be used with a " + key.type() + " key");
    }
    JsonValue v = JsonSupport.toJsonP(vp);
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$: the presentation must be a JSON object");
    }
    JsonObject unsecured = DataIntegrity.withoutProof(v.asJsonObject());
    JsonObjectBuilder opts = Json.createObjectBuilder()
        .add("type", "DataIntegrityProof")
        .add("cryptosuite", suite.id())
        .add("created", created.truncatedTo(ChronoUnit.SECONDS).toString())
        .add("verificationMethod", vmId)
        .add("proofPurpose", "authentication")
        .add("challenge", challenge)
        .add("domain", domain);
    if (suite.canonicalization() == Cryptosuite.Canonicalization.JCS && unsecured.containsKey("@context")) {
      opts.add("@context", unsecured.get("@context"));
    }
    JsonObject options = opts.build();
    DataIntegrity.HashData h = DataIntegrity.hash(suite, unsecured,
        DataIntegrity.proofConfig(suite, options, unsecured), key.type(), ContextLoader.pinned(),
        CanonicalizationLimits.DEFAULT);
    JsonObject proof = Json.createObjectBuilder(options)
        .add("proofValue", Base58.encodeMultibase(key.sign(h.combined()))).build();
    JsonObjectBuilder out = Json.createObjectBuilder(unsecured);
    out.add("proof", proof);
    return JsonSupport.toJackson(out.build());
  }

  /**
   * Verifies the holder's proof, adding its checks. With a {@code holder}, the proof's verification method must be
   * an {@code authentication} key of the holder's controller document. Without one (VC 2.0 makes {@code holder}
   * optional), the same rules bind the key to its own controller document: resolved, listed, authorised for
   * {@code authentication}, controlled by that document; the presentation then proves only that this controller
   * signed it (for the challenge and domain asked), and it is bound to no holder.
   *
   * @return the controller the proof authenticates (the holder when named), or null when the proof did not verify
   */
  static String verify(ObjectNode vp, String holder, VerifyOptions options, String challenge, String domain,
      List<VerificationCheck> checks) {
    Instant now = options.clock().instant();
    ContextLoader loader = options.documentLoader();
    Set<String> jsonLiterals = CompactForm.jsonLiteralTerms(vp.get("@context"), loader);
    // the one data-model check of every verifier
    List<VerificationCheck> model = DataModel.problems(vp, DataModel.Kind.PRESENTATION, false, loader,
        jsonLiterals);
    if (!model.isEmpty()) {
      checks.addAll(model);
      return null;
    }
    checks.add(VerificationCheck.passed(CheckName.SYNTAX, "$", "well-formed presentation"));
    // compact form, as for credentials and vp+jwt: the JSON keys read below (holder, the proof options challenge,
    // domain, created, expires, verificationMethod) are the terms the pinned contexts define, so they say what the
    // proof covers (a full-IRI "holder" or proof "challenge" key would be read as absent while it is signed)
    List<String> compact = CompactForm.problems(vp, jsonLiterals, true);
    if (!compact.isEmpty()) {
      checks.add(VerificationCheck.failed(CheckName.COMPACT_FORM, "$", VerificationCode.NOT_COMPACT,
          String.join("; ", compact)));
      return null;
    }
    JsonNode p = vp.path("proof");
    if (!p.isObject()) {
      checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof", VerificationCode.PROOF_MALFORMED,
          "expected one Data Integrity proof object"));
      return null;
    }
    for (String m : List.of("type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue", "created")) {
      if (!p.path(m).isTextual()) {
        checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof." + m, VerificationCode.PROOF_MALFORMED,
            "missing or not a string"));
        return null;
      }
    }
    if (!p.get("proofPurpose").asText().equals("authentication")) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.proofPurpose",
          VerificationCode.PURPOSE_MISMATCH,
          "expected authentication, got " + p.get("proofPurpose").asText()));
      return null;
    }
    if (challenge == null) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.challenge",
          VerificationCode.CHALLENGE_MISMATCH,
          "no challenge was required: a presentation without a verifier-issued challenge can be replayed"));
    } else if (!challenge.equals(p.path("challenge").asText(null))) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.challenge",
          VerificationCode.CHALLENGE_MISMATCH,
          "expected challenge '" + challenge + "', got " + p.get("challenge")));
    }
    if (domain != null && !contains(p.get("domain"), domain)) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.domain",
          VerificationCode.DOMAIN_MISMATCH,
          "expected domain '" + domain + "', got " + p.get("domain")));
    }
    String vmId = p.get("verificationMethod").asText();
    // the same key binding as the credential verifier: resolves, listed, authorised for authentication, controlled
    // by its document, and that document is the holder (read from the presentation the proof covers)
    KeyBinding.Binding binding = holder != null
        ? KeyBinding.bind(options, vmId, "authentication", holder, "holder")
        : KeyBinding.controlled(options, vmId, "authentication");
    if (!binding.bound()) {
      checks.add(VerificationCheck.failed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.verificationMethod",
          binding.code(),
          binding.problem()));
      return null;
    }
    Optional<VerificationMethod> vm = Optional.of(binding.method());
    Cryptosuite suite = null;
    for (Cryptosuite s : Cryptosuite.values()) {
      if (s.id().equals(p.get("cryptosuite").asText())) {
        suite = s;
      }
    }
    if (suite == Cryptosuite.ECDSA_SD_2023) { // its proof value is not a signature over the whole presentation
      checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof.cryptosuite", VerificationCode.UNSUPPORTED_PROOF,
          suite.id()
          + " secures credentials, not presentations"));
      return null;
    }
    if (suite == null || !suite.accepts(vm.get().publicKey().type()) || !p.get("type").asText().equals("DataIntegrityProof")) {
      checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof.cryptosuite", VerificationCode.KEY_TYPE_MISMATCH,
          "unsupported proof " + p.get("type") + "/" + p.get("cryptosuite") + " for a " + vm.get().publicKey().type() + " key"));
      return null;
    }
    List<ValidityWindow.Bound> bounds = new ArrayList<>();
    bounds.add(ValidityWindow.Bound.dateTime("$.proof.created", "created", p.get("created").asText(), false));
    if (p.has("expires")) {
      bounds.add(ValidityWindow.Bound.dateTime("$.proof.expires", "expires", p.path("expires").asText(null), true));
    }
    for (ValidityWindow.Problem pr : ValidityWindow.problems(bounds, now, options.maxClockSkew())) {
      checks.add(VerificationCheck.failed(CheckName.VALIDITY_PERIOD, pr.path(), ValidityWindow.code(pr.reason()),
          pr.message()));
    }
    try {
      JsonObject secured = JsonSupport.toJsonP(vp).asJsonObject();
      JsonObject unsecured = DataIntegrity.withoutProof(secured);
      JsonObject proof = secured.getJsonObject("proof");
      if (suite.canonicalization() == Cryptosuite.Canonicalization.JCS && proof.containsKey("@context")
          && !proof.get("@context").equals(unsecured.get("@context"))) {
        checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof.@context",
            VerificationCode.PROOF_CONTEXT_MISMATCH,
            "proof @context must equal the presentation's @context (" + suite.id() + ")"));
        return null;
      }
      DataIntegrity.HashData h = DataIntegrity.hash(suite, unsecured, DataIntegrity.proofConfig(suite, proof,
          unsecured), vm.get().publicKey().type(), loader, options.limits());
      byte[] sig = Base58.decodeMultibase(p.get("proofValue").asText());
      if (!vm.get().publicKey().verify(h.combined(), sig)) {
        checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof.proofValue", VerificationCode.SIGNATURE_INVALID,
            "the signature does not verify"));
        return null;
      }
      // the second half of the compact-form rule, as for credentials: the holder the JSON names is the signed
      // graph's (RDFC: the hashed canonical document; JCS: the signed JSON read under the pinned contexts)
      String nquads = suite.canonicalization() == Cryptosuite.Canonicalization.RDFC_1_0 ? h.canonicalDocument()
          : Canonicalizer.canonicalize(unsecured, loader, options.limits());
      String disagreement = holderAgreement(SignedGraph.parse(nquads), vp, holder);
      if (disagreement != null) {
        checks.add(VerificationCheck.failed(CheckName.COMPACT_FORM, "$.holder", VerificationCode.NOT_COMPACT,
            disagreement));
        return null;
      }
    } catch (VcException | RuntimeException e) {
      checks.add(VerificationCheck.failed(CheckName.PROOF, "$.proof", VerificationCode.CANONICALIZATION_FAILED,
          "cannot verify: " + e.getMessage()));
      return null;
    }
    checks.add(VerificationCheck.passed(CheckName.COMPACT_FORM, "$",
        "compact form of the pinned contexts; the holder agrees with the signed graph"));
    String controller = binding.controller().id();
    checks.add(VerificationCheck.passed(CheckName.PURPOSE_AND_CONTROLLER, "$.proof.verificationMethod",
        holder != null ? vmId + " is an authentication key of the holder " + holder
            : vmId + " is an authentication key of " + controller + "; the presentation names no holder, so it is"
                + " bound to no holder and to no credential subject"));
    checks.add(VerificationCheck.passed(CheckName.PROOF, "$.proof", suite.id() + " proof verified"));
    return controller;
  }

  /**
   * Why the signed graph's presentation node and its {@code cred:holder} are not what the JSON says, or null: one
   * node typed {@code VerifiablePresentation} (the JSON's {@code id}, or the one such blank node), whose holders are
   * exactly the JSON's {@code holder} (none when the JSON names none).
   */
  static String holderAgreement(SignedGraph graph, JsonNode vp, String holder) {
    String id = vp.path("id").isTextual() ? vp.get("id").asText() : null;
    String root = graph.root(id, SignedGraph.CRED + "VerifiablePresentation");
    if (root == null) {
      return "the signed graph has not exactly one presentation node" + (id == null ? "" : " " + id)
          + " typed VerifiablePresentation";
    }
    String signed = graph.describeAll(graph.values(root, SignedGraph.CRED + "holder"), 0);
    String json = holder == null ? "[]" : "[<" + holder + ">]";
    return signed.equals(json) ? null : "the JSON's holder " + json + " is not the signed graph's " + signed
        + " (an aliased key or a nested node reusing the presentation id?)";
  }

  private static boolean contains(JsonNode n, String v) {
    if (n == null) {
      return false;
    }
    if (n.isArray()) {
      for (JsonNode x : n) {
        if (v.equals(x.asText())) {
          return true;
        }
      }
      return false;
    }
    return v.equals(n.asText());
  }
}
