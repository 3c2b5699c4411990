package io.github.microcred.vc.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.vc.CanonicalizationLimits;
import io.github.microcred.vc.ContextLoader;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.Canonicalizer;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decision values of a Data Integrity credential, read from its signed graph ({@link SignedGraph}): the
 * credential node, its issuer, its validity dates (each at most once, typed {@code xsd:dateTime}), whether it has a
 * {@code cred:credentialStatus}; and the check that the JSON's checked members say exactly what the graph says, so
 * that JSON readers (the status check, {@code ob3.Awards}, the stacking audit) read what was signed.
 *
 * <p>Agreement is checked by expanding a probe document made of the JSON's checked members alone
 * ({@code @context}, {@code id}, {@code type}, the dates, {@code credentialStatus}) with the same contexts, and
 * comparing its statements about the credential node with the signed graph's, predicate by predicate; the issuer
 * and subject ids are compared directly. A statement in the signed graph that the JSON members do not make (an
 * aliased key, a nested node reusing the credential's id, {@code @included}, ...) is a disagreement.
 */
public final class SignedCredential {
  /** The credential type IRI. */
  public static final String VERIFIABLE_CREDENTIAL = SignedGraph.CRED + "VerifiableCredential";
  private static final String ISSUER = SignedGraph.CRED + "issuer";
  private static final String SUBJECT = SignedGraph.CRED + "credentialSubject";
  private static final String STATUS = SignedGraph.CRED + "credentialStatus";
  /** How deep status entries are compared (entry, statusMessage, its members). */
  private static final int STATUS_DEPTH = 3;

  private final SignedGraph graph;
  private final String root;
  private final String jsonId;

  private SignedCredential(SignedGraph graph, String root, String jsonId) {
    this.graph = graph;
    this.root = root;
    this.jsonId = jsonId;
  }

  /**
   * Reads the signed graph.
   *
   * @param canonicalDocument the canonical N-Quads of the unsecured document (what the proof hashes)
   * @param jsonId the document's top-level {@code id}, or null
   * @return the reader
   */
  public static SignedCredential read(String canonicalDocument, String jsonId) {
    return of(SignedGraph.parse(canonicalDocument), jsonId);
  }

  /**
   * Reads an already built signed graph (the canonical quads handed over by the canonicalization, which equals
   * {@link #read} of its N-Quads).
   *
   * @param graph the signed graph
   * @param jsonId the document's top-level {@code id}, or null
   * @return the reader
   */
  public static SignedCredential of(SignedGraph graph, String jsonId) {
    return new SignedCredential(graph, graph.root(jsonId, VERIFIABLE_CREDENTIAL), jsonId);
  }

  /**
   * Why the credential node cannot be found, or null.
   *
   * @return the problem
   */
  public String rootProblem() {
    if (root != null) {
      return null;
    }
    return jsonId == null
        ? "the signed graph has not exactly one credential node (typed VerifiableCredential, not embedded)"
        : "the signed graph has no credential node " + jsonId + " typed VerifiableCredential";
  }

  /**
   * The issuer IRI from the signed graph: exactly one {@code cred:issuer}, an IRI.
   *
   * @return the issuer, or null (see {@link #issuerProblem()})
   */
  public String issuer() {
    if (root == null) {
      return null;
    }
    List<SignedGraph.Term> v = graph.values(root, ISSUER);
    return v.size() == 1 && !v.get(0).literal() && !v.get(0).blank() ? v.get(0).value() : null;
  }

  /**
   * Why {@link #issuer()} is null, or null.
   *
   * @return the problem
   */
  public String issuerProblem() {
    if (root == null) {
      return rootProblem();
    }
    List<SignedGraph.Term> v = graph.values(root, ISSUER);
    if (v.size() != 1) {
      return "the signed graph has " + v.size() + " issuers (" + ISSUER + "), expected exactly one";
    }
    return issuer() == null ? "the signed issuer is not an IRI" : null;
  }

  /**
   * Whether the signed graph gives the credential a status (fails closed: true when the node is not found).
   *
   * @return true if the credential node has a {@code cred:credentialStatus}, or cannot be found
   */
  public boolean hasStatus() {
    return root == null || !graph.values(root, STATUS).isEmpty();
  }

  /**
   * The validity bounds from the signed graph, VC 2.0 and VC 1.1 members; a date given more than once or not as an
   * {@code xsd:dateTime} literal is reported as a problem (and given as a malformed bound).
   *
   * @param problems receives the problems
   * @return the bounds, with {@code $.member} paths
   */
  public List<ValidityWindow.Bound> bounds(List<String> problems) {
    List<ValidityWindow.Bound> out = new ArrayList<>();
    if (root == null) {
      problems.add(rootProblem());
      return out;
    }
    for (String member : CompactForm.DATES) {
      boolean upper = member.equals("validUntil") || member.equals("expirationDate");
      List<SignedGraph.Term> v = graph.values(root, SignedGraph.CRED + member);
      String path = "$." + member;
      if (v.size() > 1) {
        problems.add(path + ": the signed graph gives " + member + " " + v.size() + " values, at most one allowed");
      }
      for (SignedGraph.Term t : v) {
        if (!SignedGraph.XSD_DATE_TIME.equals(t.datatype())) {
          problems.add(path + ": the signed " + member + " is not an xsd:dateTime literal ("
              + graph.describe(t, 0) + ")");
        } else {
          out.add(ValidityWindow.Bound.dateTime(path, member, t.value(), upper));
        }
      }
    }
    return out;
  }

  /**
   * The disagreements between the JSON's checked members and the signed graph; empty when JSON readers read what
   * was signed.
   *
   * @param unsecured the unsecured document (JSON-P, as canonicalized)
   * @param json the same document (Jackson)
   * @param loader the loader
   * @param limits the limits
   * @param statusProblems receives the disagreements about {@code credentialStatus} (also returned)
   * @return the disagreements, each naming its path
   */
  public List<String> agreement(JsonObject unsecured, JsonNode json, ContextLoader loader,
      CanonicalizationLimits limits, List<String> statusProblems) {
    List<String> out = new ArrayList<>();
    if (root == null) {
      out.add("$: " + rootProblem());
      statusProblems.add(rootProblem());
      return out;
    }
    // issuer and subjects: ids compared directly
    String issuerId = DataModel.partyId(json.get("issuer"));
    String expectIssuer = List.of(issuerId == null ? "?" : issuerId.startsWith("_:") ? "_" : "<" + issuerId + ">")
        .toString();
    String gotIssuer = graph.describeAll(graph.values(root, ISSUER), 0);
    if (!expectIssuer.equals(gotIssuer)) {
      out.add("$.issuer: the JSON says " + expectIssuer + ", the signed graph " + gotIssuer);
    }
    List<String> subjects = new ArrayList<>();
    JsonNode subj = json.get("credentialSubject");
    if (subj != null) {
      for (JsonNode s : CompactForm.list(subj)) {
        String id = s.path("id").isTextual() ? s.get("id").asText() : null;
        subjects.add(id == null || id.startsWith("_:") ? "_" : "<" + id + ">");
      }
    }
    Collections.sort(subjects);
    String gotSubjects = graph.describeAll(graph.values(root, SUBJECT), 0);
    if (!subjects.toString().equals(gotSubjects)) {
      out.add("$.credentialSubject: the JSON's subjects " + subjects + " are not the signed graph's " + gotSubjects);
    }
    // type, dates, status: through a probe with the same contexts
    JsonObjectBuilder b = JsonSupport.PROVIDER.createObjectBuilder();
    for (String k : List.of("@context", "id", "type", "validFrom", "validUntil", "issuanceDate", "expirationDate",
        "credentialStatus")) {
      JsonValue v = unsecured.get(k);
      if (v != null) {
        b.add(k, v);
      }
    }
    SignedGraph probe;
    String probeRoot;
    try {
      // the probe's statements need no canonical labels: every comparison below ignores blank-node labels
      SignedGraph.Builder statements = new SignedGraph.Builder();
      Canonicalizer.statements(b.build(), loader, limits, statements);
      probe = statements.build();
      probeRoot = probe.root(jsonId, VERIFIABLE_CREDENTIAL);
    } catch (VcException | IllegalArgumentException e) {
      out.add("$: the checked members alone do not expand: " + e.getMessage());
      statusProblems.add("the credentialStatus member alone does not expand");
      return out;
    }
    if (probeRoot == null) {
      out.add("$.type: the checked members alone do not make a VerifiableCredential node");
      statusProblems.add("the credentialStatus member does not belong to the credential node");
      return out;
    }
    compare(probe, probeRoot, SignedGraph.RDF_TYPE, "$.type", 0, out);
    for (String member : CompactForm.DATES) {
      compare(probe, probeRoot, SignedGraph.CRED + member, "$." + member, 0, out);
    }
    List<String> st = new ArrayList<>();
    compare(probe, probeRoot, STATUS, "$.credentialStatus", STATUS_DEPTH, st);
    out.addAll(st);
    statusProblems.addAll(st);
    return out;
  }

  private void compare(SignedGraph probe, String probeRoot, String predicate, String path, int depth,
      List<String> out) {
    String json = probe.describeAll(probe.values(probeRoot, predicate), depth);
    String signed = graph.describeAll(graph.values(root, predicate), depth);
    if (!json.equals(signed)) {
      out.add(path + ": the JSON member says " + abbreviate(json) + " but the signed graph says " + abbreviate(signed)
          + " for <" + predicate + "> (an aliased key, a value object or a nested node reusing the credential id?)");
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
