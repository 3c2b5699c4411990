package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Walks a CTDL document (graph, envelope, node list or single resource) and reports every problem. */
public final class GraphValidator {
  private static final Pattern DURATION = Pattern.compile(
      "^-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$");
  private static final Pattern DATE = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
  private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$");
  private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
  private static final Pattern INTEGER = Pattern.compile("^[+-]?\\d+$");
  private static final Pattern DECIMAL = Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");
  private static final Set<String> CONTEXTS = Set.of("https://credreg.net/ctdl/schema/context/json",
      "https://credreg.net/ctdlasn/schema/context/json");
  private static final Set<String> ABSTRACT = Set.of("ceterms:Credential", "ceterms:Degree");
  private static final Set<String> UNIVERSAL = Set.of("rdfs:Resource", "rdfs:Literal");

  private final Vocabulary vocab;
  private final Policy policy;
  private final List<Issue> out = new ArrayList<>();
  private final Map<String, JsonNode> nodesById = new HashMap<>();
  private final Set<String> localPrefixes = new HashSet<>();

  /**
   * Creates a walker.
   *
   * @param vocab the vocabulary
   * @param policy the minimum-data policy, or null to skip policy checks
   */
  public GraphValidator(Vocabulary vocab, Policy policy) {
    this.vocab = vocab;
    this.policy = policy;
  }

  /**
   * Validates a document.
   *
   * @param doc the parsed JSON
   * @return all problems
   */
  public List<Issue> validate(JsonNode doc) {
    String base = "$";
    JsonNode d = doc;
    if (d.isObject() && d.has("decoded_resource") && d.get("decoded_resource").isObject()) {
      d = d.get("decoded_resource");
      base = "$.decoded_resource";
    }
    List<JsonNode> top = new ArrayList<>();
    List<String> topPaths = new ArrayList<>();
    if (d.isArray()) {
      add(base, CtdlProblemCode.CONTEXT, Severity.WARNING,
          "a bare array of nodes without @context: read with the CTDL context");
      for (int i = 0; i < d.size(); i++) {
        top.add(d.get(i));
        topPaths.add(base + "[" + i + "]");
      }
    } else if (d.isObject()) {
      checkContext(d.get("@context"), base);
      JsonNode g = d.get("@graph");
      if (g != null) {
        if (!g.isArray()) {
          add(base + "['@graph']", CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR, "@graph must be an array");
        } else {
          for (int i = 0; i < g.size(); i++) {
            top.add(g.get(i));
            topPaths.add(base + "['@graph'][" + i + "]");
          }
          if (g.isEmpty()) {
            add(base + "['@graph']", CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR, "@graph is empty");
          }
        }
      } else {
        top.add(d);
        topPaths.add(base);
      }
    } else {
      add(base, CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR,
          "expected a JSON object (graph, envelope or resource) or an array of nodes");
      return out;
    }
    for (JsonNode n : top) {
      collectIds(n);
    }
    for (int i = 0; i < top.size(); i++) {
      JsonNode n = top.get(i);
      if (!n.isObject()) {
        add(topPaths.get(i), CtdlProblemCode.NOT_A_GRAPH, Severity.ERROR, "a graph node must be a JSON object");
        continue;
      }
      validateNode(n, topPaths.get(i), List.of(), true);
    }
    return out;
  }

  private void collectIds(JsonNode n) {
    if (n.isObject()) {
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual() && n.has("@type")) {
        nodesById.putIfAbsent(id.asText(), n);
      }
      n.elements().forEachRemaining(this::collectIds);
    } else if (n.isArray()) {
      n.elements().forEachRemaining(this::collectIds);
    }
  }

  private void checkContext(JsonNode ctx, String base) {
    String path = base + "['@context']";
    if (ctx == null) {
      add(path, CtdlProblemCode.CONTEXT, Severity.WARNING, "no @context: expected " + CONTEXTS.iterator().next());
      return;
    }
    List<JsonNode> entries = new ArrayList<>();
    if (ctx.isArray()) {
      ctx.forEach(entries::add);
    } else {
      entries.add(ctx);
    }
    boolean found = false;
    for (JsonNode e : entries) {
      if (e.isObject()) {
        e.fields().forEachRemaining(f -> {
          if (f.getValue().isTextual() && !f.getKey().contains(":")) {
            localPrefixes.add(f.getKey());
          }
        });
      }
      if (e.isTextual()) {
        String s = e.asText();
        if (CONTEXTS.contains(s)) {
          found = true;
        } else if (s.startsWith("http://") && CONTEXTS.contains("https://" + s.substring(7))) {
          found = true;
          add(path, CtdlProblemCode.CONTEXT, Severity.WARNING, "legacy http:// context " + s + "; use https://");
        }
      }
    }
    if (!found) {
      add(path, CtdlProblemCode.CONTEXT, Severity.WARNING,
          "not the CTDL context https://credreg.net/ctdl/schema/context/json; keys are read as CTDL CURIEs");
    }
  }

  private List<String> types(JsonNode n) {
    JsonNode t = n.get("@type");
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(vocab.compact(x.asText())));
    } else {
      out.add(vocab.compact(t.asText()));
    }
    return out;
  }

  /**
   * Validates one node.
   *
   * @param n the node object
   * @param path its JSON path
   * @param inferred classes implied by the property that holds it (when it lacks @type)
   * @param topLevel whether it is a top-level graph node
   */
  private void validateNode(JsonNode n, String path, List<String> inferred, boolean topLevel) {
    List<String> types = types(n);
    List<String> known = new ArrayList<>();
    if (types.isEmpty()) {
      if (inferred.size() == 1) {
        known.addAll(inferred);
      } else {
        add(path, CtdlProblemCode.MISSING_TYPE, Severity.ERROR, "node has no @type");
      }
    }
    for (String t : types) {
      Vocabulary.ClassDef c = vocab.classDef(t);
      if (c == null) {
        if (vocab.isScheme(t) || t.equals("skos:ConceptScheme") || t.equals("skos:Concept")) {
          known.add(t);
        } else {
          add(path + "['@type']", CtdlProblemCode.UNKNOWN_CLASS, Severity.ERROR,
              "'" + t + "' is not a class of the CTDL or CTDL-ASN schema");
        }
      } else {
        known.add(t);
        if (topLevel && ABSTRACT.contains(t)) {
          add(path + "['@type']", CtdlProblemCode.ABSTRACT_CLASS, Severity.ERROR,
              "'" + t + "' is abstract; use a concrete subclass such as ceterms:MicroCredential");
        }
        if (!c.stable()) {
          add(path + "['@type']", CtdlProblemCode.UNSTABLE_TERM, Severity.INFO, t + " is vs:unstable");
        }
      }
    }
    checkIdentity(n, path);
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.startsWith("@")) {
        continue;
      }
      String kpath = path + "['" + key + "']";
      String term = vocab.compact(key);
      Vocabulary.PropertyDef p = vocab.property(term);
      if (p == null) {
        if (vocab.inContext(term)) {
          add(kpath, CtdlProblemCode.UNDECLARED_TERM, Severity.WARNING,
              "'" + term + "' is in the CTDL context but not declared in the pinned schema; not checked");
        } else {
          add(kpath, CtdlProblemCode.UNKNOWN_TERM, Severity.ERROR,
              "'" + key + "' is not a property of the CTDL or CTDL-ASN schema"
                  + (key.contains(":") ? "" : " (keys must be CURIEs such as ceterms:name)"));
        }
        continue;
      }
      if (!p.stable()) {
        add(kpath, CtdlProblemCode.UNSTABLE_TERM, Severity.INFO, term + " is vs:unstable");
      }
      if (!known.isEmpty() && !p.domain().isEmpty()) {
        boolean ok = false;
        for (String t : known) {
          if (vocab.isA(t, p.domain())) {
            ok = true;
            break;
          }
        }
        if (!ok) {
          add(kpath, CtdlProblemCode.DOMAIN_VIOLATION, Severity.ERROR,
              "'" + term + "' is not allowed on " + String.join(", ", known) + " (its domain is "
                  + abbreviate(p.domain()) + ")");
        }
      }
      JsonNode v = e.getValue();
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          checkValue(p, v.get(i), kpath + "[" + i + "]");
        }
      } else {
        checkValue(p, v, kpath);
      }
    }
    if (policy != null) {
      checkPolicy(n, path, known.isEmpty() ? types : known, topLevel);
    }
  }

  private void checkIdentity(JsonNode n, String path) {
    JsonNode ctid = n.get("ceterms:ctid");
    if (ctid == null) {
      return;
    }
    String cpath = path + "['ceterms:ctid']";
    if (!ctid.isTextual()) {
      add(cpath, CtdlProblemCode.INVALID_CTID, Severity.ERROR, "ceterms:ctid must be a string");
      return;
    }
    String c = ctid.asText();
    if (!Ctids.CTID.matcher(c).matches()) {
      String why;
      if (Ctids.CTID_ANY_CASE.matcher(c).matches()) {
        why = "has upper-case letters; CTIDs are 'ce-' + a lowercase UUID";
      } else if (c.length() != 39) {
        why = "has " + c.length() + " characters; a CTID is 'ce-' + a lowercase UUID, 39 characters";
      } else {
        why = "is not 'ce-' + a lowercase UUID (8-4-4-4-12 hex digits)";
      }
      add(cpath, CtdlProblemCode.INVALID_CTID, Severity.ERROR, "CTID '" + c + "' " + why);
    }
    JsonNode id = n.get("@id");
    if (id != null && id.isTextual()) {
      String s = id.asText();
      int k = Math.max(s.indexOf("/resources/"), s.indexOf("/graph/"));
      if (k >= 0) {
        String tail = s.substring(s.lastIndexOf('/') + 1);
        if (!tail.equals(c)) {
          add(path + "['@id']", CtdlProblemCode.INVALID_CTID,
              tail.equalsIgnoreCase(c) ? Severity.WARNING : Severity.ERROR,
              "@id ends with '" + tail + "' but ceterms:ctid is '" + c + "'");
        }
      }
    }
  }

  private void checkValue(Vocabulary.PropertyDef p, JsonNode v, String path) {
    List<String> range = p.range();
    if (range.isEmpty() || range.stream().anyMatch(UNIVERSAL::contains)) {
      if (v.isObject() && v.has("@type")) {
        validateNode(v, path, List.of(), false);
      }
      return;
    }
    List<String> classRange = new ArrayList<>();
    List<String> literalRange = new ArrayList<>();
    for (String r : range) {
      if (r.startsWith("xsd:") || r.equals("rdf:langString") || r.equals("schema:Duration")
          || r.equals("schema:Date")) {
        literalRange.add(r);
      } else {
        classRange.add(r);
      }
    }
    if (v.isObject()) {
      if (literalRange.contains("rdf:langString") && !v.has("@type") && !v.has("@id") && !v.has("@value")) {
        checkLanguageMap(v, path);
        return;
      }
      if (v.has("@value")) {
        checkLiteral(literalRange, v.get("@value"), path, p);
        return;
      }
      if (!v.has("@type") && v.has("@id") && v.get("@id").isTextual()) {
        checkReference(p, v.get("@id").asText(), path + "['@id']", classRange);
        return;
      }
      if (classRange.isEmpty()) {
        add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
            "'" + p.id() + "' expects " + String.join(" or ", literalRange) + ", not an object");
        return;
      }
      List<String> t = types(v);
      boolean conceptAsCao = classRange.contains("skos:Concept") && t.contains("ceterms:CredentialAlignmentObject");
      for (String x : t) {
        if (vocab.classDef(x) != null && !conceptAsCao && !acceptsClass(classRange, x)) {
          add(path + "['@type']", CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
              "'" + p.id() + "' expects " + abbreviate(classRange) + ", not " + x);
        }
      }
      List<String> infer = classRange.stream().filter(c -> vocab.classDef(c) != null).toList();
      validateNode(v, path, infer.size() == 1 ? infer : List.of(), false);
      if (conceptAsCao && !p.targetSchemes().isEmpty()) {
        checkCao(p, v, path);
        return;
      }
      if (!p.targetSchemes().isEmpty()) {
        checkCao(p, v, path);
      }
      return;
    }
    if (v.isTextual()) {
      String s = v.asText();
      if (!literalRange.isEmpty() && literalOk(literalRange, v)) {
        if (literalRange.contains("rdf:langString") && literalRange.size() == 1) {
          add(path, CtdlProblemCode.LANGUAGE_MAP_EXPECTED, Severity.WARNING,
              "'" + p.id() + "' is language-tagged text: write {\"en-US\": \"...\"}");
        }
        return;
      }
      if (!classRange.isEmpty()) {
        checkReference(p, s, path, classRange);
        return;
      }
      checkLiteral(literalRange, v, path, p);
      return;
    }
    if (!literalRange.isEmpty()) {
      checkLiteral(literalRange, v, path, p);
    } else {
      add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
          "'" + p.id() + "' expects a node or a reference to " + abbreviate(classRange) + ", got " + kind(v));
    }
  }

  private boolean acceptsClass(List<String> classRange, String type) {
    if (classRange.contains(type) || vocab.isA(type, classRange)) {
      return true;
    }
    // schema:QuantitativeValue / AlignmentObject ranges are met by their CTDL subclasses and vice versa
    return false;
  }

  private void checkReference(Vocabulary.PropertyDef p, String s, String path, List<String> classRange) {
    boolean conceptRange = classRange.contains("skos:Concept");
    if (s.startsWith("_:")) {
      JsonNode target = nodesById.get(s);
      if (target == null) {
        add(path, CtdlProblemCode.UNRESOLVED_REFERENCE, Severity.ERROR,
            "blank node '" + s + "' is not in this graph");
        return;
      }
      checkTargetType(p, target, path, classRange);
      return;
    }
    String curie = vocab.compact(s);
    if (conceptRange && !p.targetSchemes().isEmpty()) {
      checkConcept(p, curie, path);
      return;
    }
    if (!s.contains("://") && !vocab.isKnownCurie(s) && !localCurie(s)) {
      add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
          "'" + p.id() + "' expects an IRI, CURIE or _: reference to " + abbreviate(classRange) + ", got '" + s + "'");
      return;
    }
    JsonNode target = nodesById.get(s);
    if (target != null) {
      checkTargetType(p, target, path, classRange);
    }
  }

  private void checkTargetType(Vocabulary.PropertyDef p, JsonNode target, String path, List<String> classRange) {
    for (String t : types(target)) {
      if (vocab.classDef(t) != null && !acceptsClass(classRange, t)) {
        add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
            "'" + p.id() + "' refers to a " + t + " but expects " + abbreviate(classRange));
      }
    }
  }

  private void checkCao(Vocabulary.PropertyDef p, JsonNode cao, String path) {
    JsonNode tn = cao.get("ceterms:targetNode");
    if (tn == null) {
      return;
    }
    if (!tn.isTextual()) {
      return;
    }
    checkConcept(p, vocab.compact(tn.asText()), path + "['ceterms:targetNode']");
  }

  private void checkConcept(Vocabulary.PropertyDef p, String concept, String path) {
    Set<String> schemes = vocab.schemesOf(concept);
    boolean enumerated = false;
    for (String s : p.targetSchemes()) {
      if (schemes.contains(s)) {
        return;
      }
      enumerated |= !vocab.conceptsOf(s).isEmpty();
    }
    if (!enumerated) {
      return; // external classification (NAICS, O*NET, CIP): the schema does not enumerate its concepts
    }
    add(path, CtdlProblemCode.CONCEPT_NOT_IN_SCHEME, Severity.ERROR,
        "'" + concept + "' is not a concept of " + String.join(" or ", p.targetSchemes()) + " (the target scheme of "
            + p.id() + ")" + (schemes.isEmpty() ? "" : "; it belongs to " + String.join(", ", schemes)));
  }

  private void checkLanguageMap(JsonNode v, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String lpath = path + "['" + e.getKey() + "']";
      if (!LANGUAGE.matcher(e.getKey()).matches()) {
        add(lpath, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
            "language map key '" + e.getKey() + "' is not a BCP 47 language tag");
      }
      JsonNode x = e.getValue();
      boolean ok = x.isTextual() || x.isArray();
      if (x.isArray()) {
        for (JsonNode y : x) {
          ok &= y.isTextual();
        }
      }
      if (!ok) {
        add(lpath, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
            "language map values must be strings or arrays of strings, got " + kind(x));
      }
    }
  }

  private boolean literalOk(List<String> literalRange, JsonNode v) {
    for (String r : literalRange) {
      if (literalMatches(r, v)) {
        return true;
      }
    }
    return false;
  }

  private void checkLiteral(List<String> literalRange, JsonNode v, String path, Vocabulary.PropertyDef p) {
    if (literalRange.isEmpty()) {
      add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
          "'" + p.id() + "' expects a node or reference, got " + kind(v));
      return;
    }
    if (!literalOk(literalRange, v)) {
      add(path, CtdlProblemCode.RANGE_VIOLATION, Severity.ERROR,
          "'" + p.id() + "' expects " + String.join(" or ", literalRange) + ", got " + kind(v)
              + (v.isValueNode() ? " '" + v.asText() + "'" : ""));
    }
  }

  private boolean literalMatches(String r, JsonNode v) {
    String s = v.isTextual() ? v.asText() : null;
    switch (r) {
      case "rdf:langString":
      case "xsd:string":
        return s != null;
      case "xsd:anyURI":
        return s != null && isIri(s);
      case "xsd:date":
      case "schema:Date":
        return s != null && DATE.matcher(s).matches();
      case "xsd:dateTime":
        return s != null && DATE_TIME.matcher(s).matches();
      case "xsd:float":
      case "xsd:decimal":
        return v.isNumber() || (s != null && DECIMAL.matcher(s).matches());
      case "xsd:integer":
        return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))
            || (s != null && INTEGER.matcher(s).matches());
      case "xsd:boolean":
        return v.isBoolean() || "true".equals(s) || "false".equals(s);
      case "schema:Duration":
      case "xsd:duration":
        return s != null && DURATION.matcher(s).matches();
      case "xsd:language":
        return s != null && LANGUAGE.matcher(s).matches();
      default:
        return s != null;
    }
  }

  private boolean localCurie(String s) {
    int i = s.indexOf(':');
    return i > 0 && localPrefixes.contains(s.substring(0, i));
  }

  private boolean isIri(String s) {
    if (vocab.isKnownCurie(s) || localCurie(s)) {
      return true;
    }
    try {
      URI u = new URI(s);
      return u.isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void checkPolicy(JsonNode n, String path, List<String> types, boolean topLevel) {
    JsonNode id = n.get("@id");
    boolean blank = id != null && id.asText().startsWith("_:");
    boolean primary = topLevel && !blank;
    List<Policy.Rule> rules = policy.rulesFor(types, vocab);
    boolean primaryClass = rules.stream().anyMatch(r -> r.anyOf().contains("ceterms:ctid"));
    if (primaryClass && !primary) {
      return; // a blank-node or embedded copy of a registry resource: not published on its own
    }
    for (Policy.Rule r : rules) {
      boolean met = false;
      for (String prop : r.anyOf()) {
        if (vocab.classDef(prop) != null && !prop.contains("ctid")) {
          if (types.contains(prop)) {
            met = true;
          }
        } else if (present(n.get(prop))) {
          met = true;
        }
      }
      if (!met) {
        boolean req = r.level() == Policy.Level.REQUIRED;
        String at = r.anyOf().size() == 1 && vocab.property(r.anyOf().get(0)) != null
            ? path + "['" + r.anyOf().get(0) + "']" : path;
        add(at, req ? CtdlProblemCode.MISSING_REQUIRED : CtdlProblemCode.MISSING_RECOMMENDED,
            req ? Severity.ERROR : Severity.WARNING,
            r.cls() + " " + (req ? "requires " : "should have ") + r.label() + " ("
                + String.join(" or ", r.anyOf()) + ")");
      }
    }
  }

  private static boolean present(JsonNode v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isTextual()) {
      return !v.asText().isBlank();
    }
    if (v.isArray() || v.isObject()) {
      return v.size() > 0;
    }
    return true;
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    return "null";
  }

  private static String abbreviate(Collection<String> c) {
    List<String> l = new ArrayList<>(c);
    if (l.size() <= 6) {
      return String.join(", ", l);
    }
    return String.join(", ", l.subList(0, 6)) + " … (" + l.size() + " classes)";
  }

  private void add(String path, CtdlProblemCode code, Severity sev, String msg) {
    out.add(new Issue(path, code, sev, msg));
  }
}
