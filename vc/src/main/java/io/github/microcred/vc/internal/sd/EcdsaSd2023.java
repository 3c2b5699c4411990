package io.github.microcred.vc.internal.sd;

import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.PublicKey;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code ecdsa-sd-2023} cryptosuite (W3C vc-di-ecdsa, P-256): the issuer's base proof over mandatory JSON
 * pointers, the holder's derived proof for selective pointers, and the verifier's check of a derived proof.
 *
 * <p>The document is expanded, every node given a skolem IRI, compacted again under its own {@code @context} (so that
 * JSON pointers written against the compact form select the same nodes), converted to RDF, the skolem IRIs turned
 * back into blank nodes, and canonicalized with RDFC-1.0; canonical blank-node labels are replaced by HMAC-SHA-256
 * labels ({@code u} + base64url) and the N-Quads sorted. Mandatory statements are hashed into the base signature,
 * every other statement signed on its own with a proof-scoped P-256 key. Every step is bounded by
 * {@link CanonicalizationLimits} (one time budget for the whole operation; signatures, labels and pointers bounded by
 * {@link CanonicalizationLimits#maxQuads()}).
 */
public final class EcdsaSd2023 {
  private EcdsaSd2023() {}

  /** The suite identifier. */
  public static final String ID = "ecdsa-sd-2023";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The canonical, relabelled statements of a document and its groups (canonicalizeAndGroup). */
  private record Grouped(List<String> nquads, Map<String, String> labelMap, Map<String, Group> groups) {}

  /** One group: statement index to N-Quad, for the statements its pointers select and for the others. */
  private record Group(TreeMap<Integer, String> matching, TreeMap<Integer, String> nonMatching,
      List<Quad> deskolemized) {}

  // ---------------------------------------------------------------- skolemization

  /**
   * The skolemization state: every node gets {@code prefix + "_" + random + "_" + n}. A node the document labels
   * {@code _:x} keeps one skolem id for all its occurrences; unlike the specification's sketch, which reuses
   * {@code x} itself, the id never repeats a label that JSON-LD to RDF generates for list nodes ({@code b0}, ...),
   * so deskolemizing cannot merge two nodes.
   */
  private static final class Skolem {
    final String prefix;
    final String random;
    final Map<String, String> labelled = new HashMap<>();
    int count;

    Skolem(String prefix, String random) {
      this.prefix = prefix;
      this.random = random;
    }

    String next() {
      return prefix + "_" + random + "_" + count++;
    }

    /** The blank-node label (without {@code _:}) every skolem id turns into. */
    String labelPrefix() {
      return "_" + random + "_";
    }
  }

  private static JsonArray skolemize(JsonArray expanded, Skolem k) {
    JsonArrayBuilder out = JsonSupport.PROVIDER.createArrayBuilder();
    for (JsonValue element : expanded) {
      out.add(skolemize(element, k));
    }
    return out.build();
  }

  private static JsonValue skolemize(JsonValue element, Skolem k) {
    if (element.getValueType() != JsonValue.ValueType.OBJECT || element.asJsonObject().containsKey("@value")) {
      return element;
    }
    JsonObject o = element.asJsonObject();
    JsonObjectBuilder node = JsonSupport.PROVIDER.createObjectBuilder();
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      JsonValue v = e.getValue();
      if ("@reverse".equals(e.getKey()) && v.getValueType() == JsonValue.ValueType.OBJECT) {
        JsonObjectBuilder rev = JsonSupport.PROVIDER.createObjectBuilder();
        v.asJsonObject().forEach((p, x) -> rev.add(p, x.getValueType() == JsonValue.ValueType.ARRAY
            ? skolemize(x.asJsonArray(), k) : skolemize(x, k)));
        node.add(e.getKey(), rev);
      } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
        node.add(e.getKey(), skolemize(v.asJsonArray(), k));
      } else {
        node.add(e.getKey(), skolemize(v, k));
      }
    }
    if (!o.containsKey("@list")) { // a list object is not a node
      JsonValue id = o.get("@id");
      if (id == null) {
        node.add("@id", k.next());
      } else if (id instanceof JsonString && ((JsonString) id).getString().startsWith("_:")) {
        node.add("@id", k.labelled.computeIfAbsent(((JsonString) id).getString(), x -> k.next()));
      }
    }
    return node.build();
  }

  private static final String RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";

  /**
   * JSON-LD to RDF of a skolemized expanded document, skolem IRIs turned back into blank nodes, and the list nodes
   * (which JSON-LD to RDF labels afresh, in encounter order, each time) given labels that depend only on where
   * the list is: its head on the subject, predicate and graph that hold it, each further node on its position. So
   * a selection that holds a whole list produces the very statements the full document does.
   */
  private static List<Quad> deskolemizedQuads(Canonicalizer.Session s, JsonArray skolemExpanded, Skolem k)
      throws VcException {
    List<Quad> raw = new ArrayList<>();
    s.toRdf(skolemExpanded, Quad.collector(raw));
    List<Quad> out = new ArrayList<>(raw.size());
    for (Quad q : raw) {
      out.add(q.mapNodes(t -> t.startsWith(k.prefix) ? "_:" + t.substring(k.prefix.length()) : t));
    }
    String skolem = "_:" + k.labelPrefix();
    Map<String, Quad> incoming = new HashMap<>();
    boolean lists = false;
    for (Quad q : out) {
      if (!q.literal() && q.object().startsWith("_:") && !q.object().startsWith(skolem)) {
        lists = true;
        if (incoming.put(q.object(), q) != null) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, "a JSON-LD list node is the object of two statements");
        }
      }
    }
    if (!lists) {
      return out;
    }
    Map<String, String> names = new HashMap<>();
    Set<String> heads = new HashSet<>();
    for (String node : incoming.keySet()) {
      listName(node, incoming, names, heads, skolem, k, 0);
    }
    List<Quad> stable = new ArrayList<>(out.size());
    for (Quad q : out) {
      stable.add(q.mapNodes(t -> names.getOrDefault(t, t)));
    }
    return stable;
  }

  private static String listName(String node, Map<String, Quad> incoming, Map<String, String> names,
      Set<String> heads, String skolem, Skolem k, int nesting) throws VcException {
    ArrayDeque<String> chain = new ArrayDeque<>();
    String cur = node;
    String base;
    while (true) {
      String done = names.get(cur);
      if (done != null) {
        base = done;
        break;
      }
      Quad in = incoming.get(cur);
      if (in == null || chain.size() > incoming.size() || nesting > 1000) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "blank node " + cur + " is neither a node of the "
            + "document nor part of a well-formed JSON-LD list");
      }
      if (!RDF_REST.equals(in.predicate())) { // the list's head: named by what holds it
        String holder = in.subject().startsWith("_:") && !in.subject().startsWith(skolem)
            ? listName(in.subject(), incoming, names, heads, skolem, k, nesting + 1) : in.subject();
        String key = holder + " " + in.predicate() + " " + in.graph();
        if (!heads.add(key)) {
          throw new VcException(VcErrorCode.INVALID_DOCUMENT, ID + " selection cannot tell apart two JSON-LD "
              + "lists held by one property (" + in.predicate() + ")");
        }
        base = "_:" + k.labelPrefix() + "L" + ProofValues.encodeMultibase(sha256(key)).substring(1);
        names.put(cur, base);
        break;
      }
      chain.push(cur);
      cur = in.subject();
    }
    String prev = base;
    while (!chain.isEmpty()) { // the rest of the chain, from the head on: each named by its predecessor
      String n = chain.pop();
      prev = "_:" + k.labelPrefix() + "L" + ProofValues.encodeMultibase(sha256(prev + " rest")).substring(1);
      names.put(n, prev);
    }
    return names.get(node);
  }

  // ---------------------------------------------------------------- canonicalizeAndGroup

  private static Grouped canonicalizeAndGroup(Canonicalizer.Session s, JsonObject document,
      Function<Map<String, String>, Map<String, String>> labelMapFactory, Map<String, List<String>> groupDefinitions)
      throws VcException {
    JsonValue context = document.get("@context");
    if (context == null) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.@context: " + ID + " needs a JSON-LD @context");
    }
    byte[] r = new byte[12];
    RANDOM.nextBytes(r);
    String random = Base64.getUrlEncoder().withoutPadding().encodeToString(r).replace('-', 'a').replace('_', 'b');
    String prefix = "urn:mcred-sk-" + random + ":";
    Skolem sk = new Skolem(prefix, random);
    JsonArray expanded = s.expand(document);
    JsonArray skolemExpanded = skolemize(expanded, sk);
    JsonObject skolemCompact = s.compact(skolemExpanded, context);
    List<Quad> deskolemized = deskolemizedQuads(s, skolemExpanded, sk);

    List<Quad> canonical = new ArrayList<>();
    Map<String, String> canonicalIdMap = s.canonicalize(c -> {
      for (Quad q : deskolemized) {
        c.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), q.direction(), q.graph());
      }
    }, "SHA-256", Quad.collector(canonical));
    Map<String, String> labelMap = labelMapFactory.apply(canonicalIdMap);
    Map<String, String> byCanonical = new HashMap<>();
    canonicalIdMap.forEach((input, c14n) -> byCanonical.put(c14n, labelMap.get(input)));
    List<String> nquads = new ArrayList<>(canonical.size());
    for (Quad q : canonical) {
      nquads.add(q.relabel(byCanonical, "label map").nquad());
    }
    nquads.sort(null);

    Map<String, Group> groups = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> g : groupDefinitions.entrySet()) {
      s.check("ecdsa-sd-2023 selection (" + g.getKey() + ")");
      JsonObject selection = Selection.select(skolemCompact, g.getValue(), maxPointers(s.limits()));
      List<Quad> selected = selection == null ? List.of()
          : deskolemizedQuads(s, s.expand(selection), sk);
      Set<String> selectedNQuads = new HashSet<>();
      Set<String> all = new HashSet<>(nquads);
      for (Quad q : selected) {
        String nq;
        try {
          nq = q.relabel(labelMap, "label map").nquad();
        } catch (IllegalArgumentException e) {
          nq = null;
        }
        if (nq == null || !all.contains(nq)) {
          // e.g. a pointer to one item of a JSON-LD list, or into a JSON literal: the selection says something the
          // signed document does not, and a derived proof would not verify
          throw new VcException(VcErrorCode.INVALID_ARGUMENT, "the " + g.getKey() + " JSON pointers "
              + g.getValue() + " select a part of a value that can only be disclosed whole (an item of a JSON-LD "
              + "@list such as OB 3.0 allowedValue, or part of a JSON literal): point to the whole value");
        }
        selectedNQuads.add(nq);
      }
      TreeMap<Integer, String> matching = new TreeMap<>();
      TreeMap<Integer, String> nonMatching = new TreeMap<>();
      for (int i = 0; i < nquads.size(); i++) {
        (selectedNQuads.contains(nquads.get(i)) ? matching : nonMatching).put(i, nquads.get(i));
      }
      groups.put(g.getKey(), new Group(matching, nonMatching, selected));
    }
    return new Grouped(nquads, labelMap, groups);
  }

  private static int maxPointers(CanonicalizationLimits limits) {
    return (int) Math.min(Integer.MAX_VALUE, limits.maxQuads());
  }

  // ---------------------------------------------------------------- HMAC labels

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** createHmacIdLabelMapFunction. */
  private static Function<Map<String, String>, Map<String, String>> hmacLabels(byte[] hmacKey) {
    Mac mac = hmac(hmacKey);
    return canonicalIdMap -> {
      Map<String, String> out = new LinkedHashMap<>();
      canonicalIdMap.forEach((input, c14n) -> out.put(input, ProofValues.encodeMultibase(
          mac.doFinal(c14n.getBytes(StandardCharsets.UTF_8)))));
      return out;
    };
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /**
   * The proof hash: SHA-256 of the RDFC-1.0 canonical proof configuration (the proof without {@code proofValue},
   * with the document's {@code @context}).
   *
   * @param proofConfig the proof configuration
   * @param loader the context loader
   * @param limits the bounds
   * @return the canonical N-Quads and their hash
   * @throws VcException if the configuration cannot be canonicalized
   */
  public static Hashed proofHash(JsonObject proofConfig, ContextLoader loader, CanonicalizationLimits limits)
      throws VcException {
    String c = Canonicalizer.canonicalize(proofConfig, loader, limits, "SHA-256");
    return new Hashed(c, sha256(c));
  }

  /**
   * Canonical text and its SHA-256.
   *
   * @param canonical the text
   * @param hash its hash
   */
  public record Hashed(String canonical, byte[] hash) {}

  // ---------------------------------------------------------------- base proof

  /**
   * The intermediate values of a base proof (for conformance tests).
   *
   * @param proofHash the proof configuration's hash
   * @param mandatory the mandatory N-Quads (HMAC labels), in order
   * @param nonMandatory the other N-Quads, in order
   * @param mandatoryHash SHA-256 of the joined mandatory N-Quads
   * @param proofValue the serialized base proof value
   */
  public record BaseProof(byte[] proofHash, List<String> mandatory, List<String> nonMandatory,
      byte[] mandatoryHash, String proofValue) {}

  /**
   * Creates a base proof value (Create Base Proof: transformation, hashing, serialization).
   *
   * @param unsecured the document without proof
   * @param proofConfig the proof options with the document's {@code @context}
   * @param mandatoryPointers the JSON pointers the holder must always disclose
   * @param issuerKey the issuer's P-256 key (the verification method's)
   * @param hmacKey the 32-byte HMAC key (fresh random for each proof)
   * @param proofKey the proof-scoped P-256 key pair (fresh for each proof)
   * @param loader the context loader
   * @param limits the bounds
   * @return the proof value and intermediate values
   * @throws VcException {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that is malformed or does not match,
   *     {@link VcErrorCode#UNSUPPORTED_SUITE} for a key that is not P-256, or a canonicalization failure
   */
  public static BaseProof createBaseProof(JsonObject unsecured, JsonObject proofConfig,
      List<String> mandatoryPointers, KeyPair issuerKey, byte[] hmacKey, KeyPair proofKey, ContextLoader loader,
      CanonicalizationLimits limits) throws VcException {
    if (issuerKey.type() != KeyType.P256 || proofKey.type() != KeyType.P256) {
      throw new VcException(VcErrorCode.UNSUPPORTED_SUITE, ID + " signs with P-256 keys only, not "
          + issuerKey.type());
    }
    if (hmacKey.length != 32) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "the HMAC key must be 32 bytes");
    }
    Canonicalizer.Session s = Canonicalizer.Session.start(loader, limits);
    byte[] proofHash = proofHash(proofConfig, loader, limits).hash();
    Map<String, List<String>> defs = new LinkedHashMap<>();
    defs.put("mandatory", List.copyOf(mandatoryPointers));
    Grouped g = canonicalizeAndGroup(s, unsecured, hmacLabels(hmacKey), defs);
    Group mandatoryGroup = g.groups().get("mandatory");
    List<String> mandatory = new ArrayList<>(mandatoryGroup.matching().values());
    List<String> nonMandatory = new ArrayList<>(mandatoryGroup.nonMatching().values());
    byte[] mandatoryHash = sha256(String.join("", mandatory));
    List<byte[]> signatures = new ArrayList<>(nonMandatory.size());
    for (String nq : nonMandatory) {
      signatures.add(proofKey.sign(nq.getBytes(StandardCharsets.UTF_8)));
    }
    s.check("ecdsa-sd-2023 statement signatures");
    byte[] publicKey = concat(ProofValues.P256_PUB, proofKey.publicKey().encoded());
    byte[] baseSignature = issuerKey.sign(concat(proofHash, publicKey, mandatoryHash));
    String proofValue = ProofValues.serialize(new ProofValues.Base(baseSignature, publicKey, hmacKey.clone(),
        signatures, List.copyOf(mandatoryPointers)));
    return new BaseProof(proofHash, mandatory, nonMandatory, mandatoryHash, proofValue);
  }

  /**
   * A fresh HMAC key.
   *
   * @return 32 random bytes
   */
  public static byte[] newHmacKey() {
    byte[] k = new byte[32];
    RANDOM.nextBytes(k);
    return k;
  }

  // ---------------------------------------------------------------- derived proof

  /**
   * The disclosure data (createDisclosureData) with the reveal document.
   *
   * @param derived the derived proof components
   * @param revealDocument the selected document, without proof
   * @param proofValue the serialized derived proof value
   * @param matching for each group ({@code mandatory}, {@code selective}, {@code combined}), the indexes of the
   *     statements it selects among all the base proof's statements
   */
  public record Disclosure(ProofValues.Derived derived, JsonObject revealDocument, String proofValue,
      Map<String, List<Integer>> matching) {}

  /**
   * Creates a derived proof (Add Derived Proof): the disclosure data and the reveal document.
   *
   * @param unsecured the credential without proof
   * @param baseProofValue the base proof's {@code proofValue}
   * @param selectivePointers the JSON pointers the holder chooses to disclose (besides the mandatory ones)
   * @param loader the context loader
   * @param limits the bounds
   * @return the disclosure
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} if the base proof value does not parse (or is a derived
   *     one), {@link VcErrorCode#INVALID_ARGUMENT} for a pointer that is malformed or does not match,
   *     {@link VcErrorCode#LIMIT_EXCEEDED}, or a canonicalization failure
   */
  public static Disclosure derive(JsonObject unsecured, String baseProofValue, List<String> selectivePointers,
      ContextLoader loader, CanonicalizationLimits limits) throws VcException {
    ProofValues.Base base;
    try {
      base = ProofValues.parseBase(baseProofValue, maxPointers(limits));
    } catch (Cbor.CborException e) {
      if (ProofValues.kind(baseProofValue) == ProofValues.Kind.DERIVED) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.proof.proofValue is already a derived "
            + ID + " proof; derive from the issuer's base proof");
      }
      throw new VcException(e.getMessage().startsWith("LIMIT:") ? VcErrorCode.LIMIT_EXCEEDED
          : VcErrorCode.INVALID_DOCUMENT, "$.proof.proofValue: " + e.getMessage());
    }
    List<String> combined = new ArrayList<>(base.mandatoryPointers());
    combined.addAll(selectivePointers);
    if (combined.isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_ARGUMENT, "nothing to disclose: the base proof has no mandatory "
          + "pointers and no selective pointer was given");
    }
    Canonicalizer.Session s = Canonicalizer.Session.start(loader, limits);
    Map<String, List<String>> defs = new LinkedHashMap<>();
    defs.put("mandatory", base.mandatoryPointers());
    defs.put("selective", List.copyOf(selectivePointers));
    defs.put("combined", combined);
    Grouped g = canonicalizeAndGroup(s, unsecured, hmacLabels(base.hmacKey()), defs);
    if (g.groups().get("mandatory").nonMatching().size() != base.signatures().size()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "$.proof.proofValue has " + base.signatures().size()
          + " statement signatures but the credential has " + g.groups().get("mandatory").nonMatching().size()
          + " non-mandatory statements: the credential was changed after it was signed");
    }
    Set<Integer> mandatoryMatch = g.groups().get("mandatory").matching().keySet();
    Set<Integer> selectiveMatch = g.groups().get("selective").matching().keySet();
    List<Integer> mandatoryIndexes = new ArrayList<>();
    int relative = 0;
    for (Integer absolute : g.groups().get("combined").matching().keySet()) {
      if (mandatoryMatch.contains(absolute)) {
        mandatoryIndexes.add(relative);
      }
      relative++;
    }
    List<byte[]> filtered = new ArrayList<>();
    int index = 0;
    for (byte[] signature : base.signatures()) {
      while (mandatoryMatch.contains(index)) {
        index++;
      }
      if (selectiveMatch.contains(index)) {
        filtered.add(signature);
      }
      index++;
    }
    JsonObject reveal = Selection.select(unsecured, combined, maxPointers(limits));
    // the labels a verifier's canonicalization of the reveal document will produce, mapped to the signed ones
    Map<String, String> verifierIds = s.canonicalize(c -> {
      for (Quad q : g.groups().get("combined").deskolemized()) {
        c.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), q.direction(), q.graph());
      }
    }, "SHA-256", (a, b, c, d, e, f, h) -> null);
    Map<Integer, byte[]> labelMap = new TreeMap<>();
    for (Map.Entry<String, String> e : verifierIds.entrySet()) {
      String hmacLabel = g.labelMap().get(e.getKey());
      if (hmacLabel == null || !e.getValue().startsWith("c14n")) {
        throw new VcException(VcErrorCode.INVALID_ARGUMENT, "blank node _:" + e.getKey()
            + " of the disclosed statements has no signed label");
      }
      labelMap.put(Integer.parseInt(e.getValue().substring(4)), ProofValues.decodeMultibase(hmacLabel));
    }
    ProofValues.Derived d = new ProofValues.Derived(base.baseSignature(), base.publicKey(), filtered, labelMap,
        mandatoryIndexes);
    Map<String, List<Integer>> matching = new LinkedHashMap<>();
    g.groups().forEach((name, group) -> matching.put(name, List.copyOf(group.matching().keySet())));
    return new Disclosure(d, reveal, ProofValues.serialize(d), matching);
  }

  // ---------------------------------------------------------------- verification

  /** The outcome of verifying a derived proof: null problem when it verifies. */
  public record Verification(String problem, VcErrorCode code, List<String> nonMandatory, byte[] mandatoryHash,
      byte[] proofHash) {
    /**
     * Whether the proof verified.
     *
     * @return true if so
     */
    public boolean verified() {
      return problem == null;
    }

    static Verification failed(VcErrorCode code, String problem) {
      return new Verification(problem, code, List.of(), new byte[0], new byte[0]);
    }
  }

  /**
   * Verifies a derived proof (Verify Derived Proof, createVerifyData). A base proof is refused: it is for the holder,
   * who derives a disclosure proof from it. Never throws for a bad proof.
   *
   * @param unsecured the reveal document without proof
   * @param proofConfig the proof configuration (the proof without {@code proofValue}, with the document's
   *     {@code @context})
   * @param proofValue the proof's {@code proofValue}
   * @param issuerKey the verification method's key
   * @param loader the context loader
   * @param limits the bounds
   * @return the outcome
   */
  public static Verification verifyDerived(JsonObject unsecured, JsonObject proofConfig, String proofValue,
      PublicKey issuerKey, ContextLoader loader, CanonicalizationLimits limits) {
    if (ProofValues.kind(proofValue) == ProofValues.Kind.BASE) {
      return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "proofValue is an " + ID + " base proof, which "
          + "only the holder may use: a verifier accepts derived proofs only (header d9 5d 01); derive one with "
          + "Credentials.derive");
    }
    if (issuerKey.type() != KeyType.P256) {
      return Verification.failed(VcErrorCode.UNSUPPORTED_SUITE, ID + " is verified with P-256 keys only, not "
          + issuerKey.type());
    }
    ProofValues.Derived d;
    try {
      d = ProofValues.parseDerived(proofValue, maxPointers(limits));
    } catch (Cbor.CborException e) {
      return e.getMessage().startsWith("LIMIT:")
          ? Verification.failed(VcErrorCode.LIMIT_EXCEEDED, "proofValue: " + e.getMessage().substring(7))
          : Verification.failed(VcErrorCode.INVALID_DOCUMENT, "proofValue: " + e.getMessage());
    }
    try {
      byte[] proofHash = proofHash(proofConfig, loader, limits).hash();
      List<Quad> canonical = new ArrayList<>();
      Canonicalizer.canonicalize(unsecured, loader, limits, "SHA-256", Quad.collector(canonical));
      Map<String, String> labels = new HashMap<>();
      Set<String> hmacLabels = new HashSet<>();
      for (Map.Entry<Integer, byte[]> e : d.labelMap().entrySet()) {
        String l = ProofValues.encodeMultibase(e.getValue());
        if (!hmacLabels.add(l)) {
          return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "labelMap gives two blank nodes the same "
              + "label " + l + ": that would merge nodes the issuer signed as one into several");
        }
        labels.put("c14n" + e.getKey(), l);
      }
      Set<String> used = new HashSet<>();
      List<String> nquads = new ArrayList<>(canonical.size());
      for (Quad q : canonical) {
        Quad r;
        try {
          r = q.relabel(labels, "derived proof's labelMap");
        } catch (IllegalArgumentException e) {
          return Verification.failed(VcErrorCode.INVALID_DOCUMENT, e.getMessage());
        }
        for (String t : new String[] {q.subject(), q.literal() ? null : q.object(), q.graph()}) {
          if (t != null && t.startsWith("_:")) {
            used.add(t.substring(2));
          }
        }
        nquads.add(r.nquad());
      }
      if (!used.equals(labels.keySet())) {
        return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "labelMap has " + labels.size()
            + " entries but the disclosed document has " + used.size() + " blank nodes");
      }
      nquads.sort(null);
      for (int i = 1; i < nquads.size(); i++) {
        if (nquads.get(i).equals(nquads.get(i - 1))) {
          return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "the disclosed statements repeat one statement");
        }
      }
      if (!d.mandatoryIndexes().isEmpty()
          && d.mandatoryIndexes().get(d.mandatoryIndexes().size() - 1) >= nquads.size()) {
        return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "mandatoryIndexes point past the "
            + nquads.size() + " disclosed statements");
      }
      Set<Integer> mandatoryIndexes = new HashSet<>(d.mandatoryIndexes());
      StringBuilder mandatory = new StringBuilder();
      List<String> nonMandatory = new ArrayList<>();
      for (int i = 0; i < nquads.size(); i++) {
        if (mandatoryIndexes.contains(i)) {
          mandatory.append(nquads.get(i));
        } else {
          nonMandatory.add(nquads.get(i));
        }
      }
      byte[] mandatoryHash = sha256(mandatory.toString());
      if (d.signatures().size() != nonMandatory.size()) {
        return Verification.failed(VcErrorCode.INVALID_DOCUMENT, "the derived proof has " + d.signatures().size()
            + " statement signatures for " + nonMandatory.size() + " disclosed non-mandatory statements");
      }
      PublicKey proofKey;
      try {
        proofKey = PublicKey.create(KeyType.P256, Arrays.copyOfRange(d.publicKey(), 2, d.publicKey().length));
      } catch (VcException e) {
        return Verification.failed(VcErrorCode.INVALID_KEY, "the proof-scoped publicKey: " + e.getMessage());
      }
      if (!issuerKey.verify(concat(proofHash, d.publicKey(), mandatoryHash), d.baseSignature())) {
        return new Verification("the base signature does not verify: the mandatory statements or the proof "
            + "options differ from what the issuer signed", VcErrorCode.INVALID_DOCUMENT, nonMandatory,
            mandatoryHash, proofHash);
      }
      for (int i = 0; i < nonMandatory.size(); i++) {
        if (!proofKey.verify(nonMandatory.get(i).getBytes(StandardCharsets.UTF_8), d.signatures().get(i))) {
          return new Verification("the signature of disclosed statement " + i + " does not verify: "
              + nonMandatory.get(i).strip(), VcErrorCode.INVALID_DOCUMENT, nonMandatory, mandatoryHash, proofHash);
        }
      }
      return new Verification(null, null, nonMandatory, mandatoryHash, proofHash);
    } catch (VcException e) {
      return Verification.failed((VcErrorCode) e.code(), e.getMessage());
    }
  }
}
