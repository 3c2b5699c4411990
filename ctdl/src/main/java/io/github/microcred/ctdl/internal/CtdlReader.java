package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CTDL record (graph, envelope, node array, single resource or Registry Assistant request) into a
 * {@link CtdlModel}, accepting legacy shapes, and reports every property it did not map with its JSON path.
 */
public final class CtdlReader {
  /** A warning: where, and what did not map or was normalised. */
  public record Warning(String path, String message) {}

  /** What the primary resource of the record is. */
  public enum Kind { CREDENTIAL, LEARNING_OPPORTUNITY, ASSESSMENT, ORGANIZATION, COMPETENCY_FRAMEWORK, PATHWAY, OTHER }

  /** The result of reading. */
  public static final class Result {
    public CtdlModel model = new CtdlModel();
    public Kind kind = Kind.OTHER;
    public String primaryType;
    public CtdlModel.Org organization;
    public final List<Warning> warnings = new ArrayList<>();
  }

  private static final Pattern CTID_IN_IRI = Pattern.compile(
      "(ce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");
  private static final Pattern ISO = Pattern.compile(
      "^P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
          + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
  private static final Set<String> VALUE_TYPES = Set.of("ceterms:ValueProfile", "schema:ValueProfile",
      "schema:QuantitativeValue", "ceterms:QuantitativeValue", "ceterms:CreditValue", "schema:CreditValue");
  private static final List<String> QA = List.of("ceterms:accreditedBy", "ceterms:approvedBy",
      "ceterms:recognizedBy", "ceterms:regulatedBy");

  private final Vocabulary vocab = Vocabulary.defaults();
  private final Result r = new Result();
  private final Map<String, JsonNode> byId = new HashMap<>();
  private final Map<JsonNode, String> paths = new IdentityHashMap<>();
  private final Map<JsonNode, Set<String>> used = new IdentityHashMap<>();
  private final Map<JsonNode, CtdlModel.Org> orgs = new IdentityHashMap<>();

  private CtdlReader() {}

  /**
   * Reads a record.
   *
   * @param doc the parsed JSON
   * @return the model, kind and warnings
   * @throws IllegalArgumentException when the document holds no resource at all (the message says why)
   */
  public static Result read(JsonNode doc) {
    return new CtdlReader().run(doc);
  }

  private Result run(JsonNode doc) {
    String base = "$";
    JsonNode d = doc;
    if (d.isObject() && d.has("envelope_type") || d.isObject() && d.has("decoded_resource")) {
      JsonNode dr = d.get("decoded_resource");
      if (dr == null || !dr.isObject()) {
        dr = decodeJwt(d.path("resource").asText(""));
        if (dr == null) {
          throw new IllegalArgumentException("$.decoded_resource: the envelope has neither a decoded_resource "
              + "nor a readable resource JWT");
        }
        base = "$.resource(JWT payload)";
      } else {
        base = "$.decoded_resource";
      }
      d = dr;
    } else if (d.isObject() && d.has("GraphInput")) {
      warn("$", "Registry Assistant publishGraph request: reading its GraphInput");
      d = d.get("GraphInput");
      base = "$.GraphInput";
    } else if (d.isObject() && !d.has("@type") && !d.has("@graph")) {
      for (String k : List.of("Credential", "Organization", "LearningOpportunity", "Assessment")) {
        if (d.has(k) && d.get(k).isObject()) {
          warn("$", "Registry Assistant request (simplified input, not CTDL): reading its " + k
              + " through the Assistant's PascalCase names");
          d = fromAssistant(d.get(k), k);
          base = "$." + k;
          break;
        }
      }
    }
    List<JsonNode> nodes = new ArrayList<>();
    if (d.isArray()) {
      for (int i = 0; i < d.size(); i++) {
        nodes.add(d.get(i));
        paths.put(d.get(i), base + "[" + i + "]");
      }
    } else if (d.isObject() && d.has("@graph") && d.get("@graph").isArray()) {
      JsonNode g = d.get("@graph");
      for (int i = 0; i < g.size(); i++) {
        nodes.add(g.get(i));
        paths.put(g.get(i), base + "['@graph'][" + i + "]");
      }
      checkContext(d, base);
    } else if (d.isObject() && d.has("@type")) {
      nodes.add(d);
      paths.put(d, base);
      checkContext(d, base);
    }
    nodes.removeIf(n -> !n.isObject());
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException(base + ": no CTDL resource (expected @graph, an envelope, a node array "
          + "or an object with @type)");
    }
    for (JsonNode n : nodes) {
      index(n);
    }
    JsonNode primary = nodes.get(0);
    for (JsonNode n : nodes) {
      if (n.has("ceterms:ctid") && !n.path("@id").asText().startsWith("_:")) {
        primary = n;
        break;
      }
    }
    String type = types(primary).isEmpty() ? "" : types(primary).get(0);
    r.primaryType = type;
    r.model.ctdlClass = type;
    List<String> t = List.of(type);
    if (vocab.isA(type, List.of("ceterms:Credential"))) {
      r.kind = Kind.CREDENTIAL;
      readOffering(primary);
      for (JsonNode n : nodes) {
        if (types(n).contains("ceterms:Pathway") && r.model.pathway == null) {
          readPathway(n, nodes, false);
        }
      }
    } else if (vocab.isA(type, List.of("ceterms:LearningOpportunityProfile"))) {
      r.kind = Kind.LEARNING_OPPORTUNITY;
      readOffering(primary);
    } else if (vocab.isA(type, List.of("ceterms:AssessmentProfile"))) {
      r.kind = Kind.ASSESSMENT;
      readOffering(primary);
    } else if (vocab.isA(type, List.of("ceterms:Organization", "ceterms:Agent"))) {
      r.kind = Kind.ORGANIZATION;
      r.organization = org(primary);
      r.model.ctid = r.organization.ctid;
      r.model.name = r.organization.name;
    } else if (type.equals("ceasn:CompetencyFramework")) {
      r.kind = Kind.COMPETENCY_FRAMEWORK;
      readFramework(primary, nodes);
    } else if (type.equals("ceterms:Pathway")) {
      r.kind = Kind.PATHWAY;
      readPathway(primary, nodes, true);
    } else {
      use(primary, "@id", "@type");
      r.model.ctid = ctid(primary);
      r.model.name = text(primary, "ceterms:name");
      if (r.model.name.isEmpty()) {
        r.model.name = text(primary, "ceasn:name");
      }
      warn(paths.get(primary), "a " + type + " is not a micro-credential: only its name and CTID are read");
    }
    if (!t.isEmpty()) {
      report(nodes);
    }
    return r;
  }

  // ---------------------------------------------------------------- envelopes and Assistant requests

  private JsonNode decodeJwt(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception e) {
      return null;
    }
  }

  private JsonNode fromAssistant(JsonNode in, String kind) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    String type = in.path(kind + "Type").asText(in.path("Type").asText(kind.equals("Credential") ? "Credential" : kind));
    out.put("@type", type.contains(":") ? type : "ceterms:" + type);
    Iterator<Map.Entry<String, JsonNode>> it = in.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.equals(kind + "Type") || k.equals("Type")) {
        continue;
      }
      String term = "ceterms:" + Character.toLowerCase(k.charAt(0)) + k.substring(1);
      if (k.equals("Ctid") || k.equals("CTID")) {
        term = "ceterms:ctid";
      }
      JsonNode v = e.getValue();
      if ((k.equals("OwnedBy") || k.equals("OfferedBy")) && v.isArray()) {
        // Assistant organization references {"CTID": ...} → Registry URIs
        ArrayNode refs = JsonNodeFactory.instance.arrayNode();
        for (JsonNode x : v) {
          String c = x.path("CTID").asText(x.path("Ctid").asText(""));
          if (!c.isEmpty()) {
            refs.add(CtdlWriter.RESOURCES + c);
          } else {
            refs.add(x);
          }
        }
        v = refs;
      }
      Vocabulary.PropertyDef p = vocab.property(term);
      if (p != null && p.range().contains("rdf:langString") && v.isTextual()) {
        ObjectNode lm = JsonNodeFactory.instance.objectNode();
        lm.put("en", v.asText());
        out.set(term, lm);
      } else {
        out.set(p != null ? term : k, v);
      }
    }
    return out;
  }

  private void checkContext(JsonNode d, String base) {
    JsonNode c = d.get("@context");
    if (c != null && c.isTextual() && c.asText().startsWith("http://")) {
      warn(base + "['@context']", "legacy http:// context " + c.asText() + " read as https");
    }
  }

  // ---------------------------------------------------------------- graph bookkeeping

  private void index(JsonNode n) {
    if (n.isObject()) {
      JsonNode id = n.get("@id");
      if (id != null && id.isTextual() && n.size() > 1) {
        byId.putIfAbsent(id.asText(), n);
        byId.putIfAbsent(normIri(id.asText()), n);
      }
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = paths.get(n);
        JsonNode v = e.getValue();
        if (p != null && (v.isObject() || v.isArray())) {
          paths.putIfAbsent(v, p + "['" + e.getKey() + "']");
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              paths.putIfAbsent(v.get(i), p + "['" + e.getKey() + "'][" + i + "]");
            }
          }
        }
        if (v.isObject()) {
          index(v);
        } else if (v.isArray()) {
          v.forEach(this::index);
        }
      }
    }
  }

  /** Normalises a Registry IRI: /graph/ → /resources/, CTID lower case, http → https. */
  private String normIri(String iri) {
    String s = iri;
    Matcher m = CTID_IN_IRI.matcher(s);
    if (m.find()) {
      s = s.substring(0, m.start()) + m.group(1).toLowerCase(Locale.ROOT);
    }
    s = s.replace("/graph/", "/resources/");
    if (s.startsWith("http://credentialengineregistry.org") || s.startsWith("http://sandbox.credentialengineregistry")) {
      s = "https://" + s.substring(7);
    }
    return s;
  }

  private String refIri(String iri, String path) {
    String n = normIri(iri);
    if (!n.equals(iri)) {
      warn(path, "legacy link " + iri + " normalised to " + n);
    }
    return n;
  }

  private void use(JsonNode n, String... keys) {
    Set<String> u = used.computeIfAbsent(n, k -> new LinkedHashSet<>());
    for (String k : keys) {
      u.add(k);
    }
  }

  private JsonNode get(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v != null) {
      use(n, key);
    }
    return v;
  }

  private static List<JsonNode> list(JsonNode v) {
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(out::add);
    } else {
      out.add(v);
    }
    return out;
  }

  private List<String> types(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : list(n.get("@type"))) {
      out.add(vocab.compact(t.asText()));
    }
    return out;
  }

  private void warn(String path, String message) {
    r.warnings.add(new Warning(path == null ? "$" : path, message));
  }

  private String path(JsonNode n) {
    String p = paths.get(n);
    return p == null ? "$" : p;
  }

  /** Resolves a value to a node (embedded object, or a reference to a node of the graph), or null. */
  private JsonNode resolve(JsonNode v) {
    if (v.isObject()) {
      if (v.size() == 1 && v.has("@id")) {
        use(v, "@id");
        return byId.getOrDefault(v.get("@id").asText(), byId.get(normIri(v.get("@id").asText())));
      }
      return v;
    }
    if (v.isTextual()) {
      JsonNode n = byId.get(v.asText());
      return n != null ? n : byId.get(normIri(v.asText()));
    }
    return null;
  }

  private void report(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      reportNode(n);
    }
  }

  private void reportNode(JsonNode n) {
    Set<String> u = used.get(n);
    if (u == null) {
      if (n.isObject() && n.has("@type")) {
        warn(path(n), "node " + types(n) + " not mapped to the core model");
      }
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = n.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!u.contains(e.getKey())) {
        if (!e.getKey().equals("@context") && !e.getKey().equals("@id")) {
          warn(path(n) + "['" + e.getKey() + "']", "unmapped property " + e.getKey());
        }
      } else {
        List<JsonNode> values = list(e.getValue());
        for (int i = 0; i < values.size(); i++) {
          JsonNode v = values.get(i);
          if (v.isObject() && used.containsKey(v)) {
            reportNode(v);
          } else if (v.isObject() && (v.has("@type") || v.size() > 1 && v.has("@id"))) {
            warn(path(n) + "['" + e.getKey() + "']" + (e.getValue().isArray() ? "[" + i + "]" : ""),
                "unmapped value " + types(v) + " of " + e.getKey());
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- values

  private Map<String, String> text(JsonNode n, String key) {
    Map<String, String> out = peekText(n, key);
    JsonNode v = get(n, key);
    if (v != null && v.isObject()) {
      v.fields().forEachRemaining(e -> {
        if (e.getValue().isArray() && e.getValue().size() > 1) {
          warn(path(n) + "['" + key + "']['" + e.getKey() + "']", "only the first of " + e.getValue().size()
              + " texts is mapped");
        }
      });
    } else if (v != null && v.isArray() && v.size() > 1) {
      warn(path(n) + "['" + key + "']", "only the first of " + v.size() + " texts is mapped");
    }
    return out;
  }

  /** Language-tagged text of a property, without marking it as read. */
  private Map<String, String> peekText(JsonNode n, String key) {
    JsonNode v = n.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (v.isTextual()) {
      out.put("en", v.asText());
    } else if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode x = e.getValue();
        if (x.isTextual()) {
          out.put(e.getKey(), x.asText());
        } else if (x.isArray() && x.size() > 0) {
          out.put(e.getKey(), x.get(0).asText());
        }
      }
    } else if (v.isArray() && v.size() > 0) {
      out.put("en", v.get(0).asText());
    }
    return out;
  }

  private List<String> texts(JsonNode n, String key) {
    JsonNode v = get(n, key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isObject()) {
      JsonNode first = v.elements().hasNext() ? v.elements().next() : null;
      for (JsonNode x : list(first)) {
        if (x.isTextual()) {
          out.add(x.asText());
        }
      }
      if (v.size() > 1) {
        List<String> langs = new ArrayList<>();
        v.fieldNames().forEachRemaining(langs::add);
        warn(path(n) + "['" + key + "']", "only the '" + langs.get(0) + "' texts are mapped; not mapped: "
            + String.join(", ", langs.subList(1, langs.size())));
      }
    } else {
      for (JsonNode x : list(v)) {
        if (x.isTextual()) {
          out.add(x.asText());
        }
      }
    }
    return out;
  }

  private String string(JsonNode n, String key) {
    JsonNode v = get(n, key);
    if (v == null) {
      return null;
    }
    if (v.isArray()) {
      return v.size() > 0 ? v.get(0).asText() : null;
    }
    return v.asText();
  }

  private static String first(Map<String, String> m) {
    return m.isEmpty() ? null : m.values().iterator().next();
  }

  /** The local name of a concept given as a CAO, a CURIE, a full IRI or a bare name. */
  private String concept(JsonNode v) {
    String s = null;
    if (v.isObject()) {
      JsonNode tn = get(v, "ceterms:targetNode");
      use(v, "@type", "ceterms:framework", "ceterms:frameworkName", "ceterms:targetNodeName",
          "ceterms:targetNodeDescription");
      if (tn == null) {
        tn = v.get("@id");
        use(v, "@id");
      }
      s = tn == null ? null : tn.isObject() ? tn.path("@id").asText(null) : tn.asText();
    } else if (v.isTextual()) {
      s = v.asText();
    }
    if (s == null) {
      return null;
    }
    String c = vocab.compact(s);
    int i = c.lastIndexOf(':');
    int j = c.lastIndexOf('/');
    return c.substring(Math.max(i, j) + 1);
  }

  private List<String> concepts(JsonNode n, String key) {
    List<String> out = new ArrayList<>();
    Vocabulary.PropertyDef p = vocab.property(key);
    List<JsonNode> values = list(get(n, key));
    for (int i = 0; i < values.size(); i++) {
      String c = concept(values.get(i));
      if (c == null) {
        continue;
      }
      if (p != null && !p.targetSchemes().isEmpty()) {
        String known = conceptIn(p.targetSchemes(), c);
        if (known == null) {
          warn(path(n) + "['" + key + "']" + (values.size() > 1 ? "[" + i + "]" : ""),
              "'" + c + "' is not a concept of " + String.join(", ", p.targetSchemes()) + ": not mapped");
          continue;
        }
        if (!known.equals(c)) {
          warn(path(n) + "['" + key + "']", "concept '" + c + "' read as " + known);
        }
        c = known;
      }
      out.add(c);
    }
    return out;
  }

  private static String flat(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The local name of the concept of one of the schemes whose name or label matches, ignoring case and punctuation. */
  private String conceptIn(List<String> schemes, String local) {
    String f = flat(local);
    for (String scheme : schemes) {
      for (String c : vocab.conceptsOf(scheme)) {
        String name = c.substring(c.indexOf(':') + 1);
        if (flat(name).equals(f) || flat(vocab.conceptLabel(c)).equals(f)) {
          return name;
        }
      }
    }
    return null;
  }

  private String ctid(JsonNode n) {
    JsonNode c = get(n, "ceterms:ctid");
    if (c == null) {
      use(n, "@id");
      Matcher m = CTID_IN_IRI.matcher(n.path("@id").asText());
      return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
    use(n, "@id");
    String s = c.asText();
    String low = s.toLowerCase(Locale.ROOT);
    if (!low.equals(s)) {
      warn(path(n) + "['ceterms:ctid']", "upper-case CTID " + s + " normalised to " + low);
    }
    return low;
  }

  private static Double number(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (v.isArray() && v.size() > 0) {
      return number(v.get(0));
    }
    return null;
  }

  /**
   * Hours of an ISO 8601 duration (years 8,760 h, months 730 h, weeks 168 h, days 24 h), or null.
   *
   * @param iso the duration
   * @return hours
   */
  public static Double hours(String iso) {
    if (iso == null) {
      return null;
    }
    Matcher m = ISO.matcher(iso.trim());
    if (!m.matches()) {
      return null;
    }
    double[] f = {8760, 730, 168, 24, 1, 1.0 / 60, 1.0 / 3600};
    double h = 0;
    for (int i = 0; i < 7; i++) {
      if (m.group(i + 1) != null) {
        h += Double.parseDouble(m.group(i + 1)) * f[i];
      }
    }
    return h;
  }

  // ---------------------------------------------------------------- resources

  private CtdlModel.Org org(JsonNode n) {
    CtdlModel.Org cached = orgs.get(n);
    if (cached != null) {
      return cached;
    }
    CtdlModel.Org o = new CtdlModel.Org();
    orgs.put(n, o);
    use(n, "@type", "@id");
    o.qa = types(n).contains("ceterms:QACredentialOrganization");
    o.ctid = ctid(n);
    String id = n.path("@id").asText(null);
    o.id = id != null && !id.startsWith("_:") ? normIri(id) : null;
    o.name = text(n, "ceterms:name");
    o.description = text(n, "ceterms:description");
    o.webpage = string(n, "ceterms:subjectWebpage");
    o.email = string(n, "ceterms:email");
    o.sameAs = string(n, "ceterms:sameAs");
    for (JsonNode a : list(get(n, "ceterms:address"))) {
      if (a.isObject()) {
        use(a, "@type");
        if (o.country == null) {
          o.country = first(text(a, "ceterms:addressCountry"));
          Map<String, String> region = text(a, "ceterms:addressRegion");
          o.region = first(region);
        }
      }
    }
    return o;
  }

  private CtdlModel.Org orgRef(JsonNode v, String path) {
    JsonNode n = resolve(v);
    if (n != null && n.isObject() && n.has("@type")) {
      return org(n);
    }
    CtdlModel.Org o = new CtdlModel.Org();
    String iri = v.isObject() ? v.path("@id").asText() : v.asText();
    if (iri.isBlank()) {
      warn(path, "organization reference without an @id: only kept as an unnamed organization");
      if (v.isObject()) {
        use(v, "@id");
      }
      return o;
    }
    o.id = refIri(iri, path);
    Matcher m = CTID_IN_IRI.matcher(o.id);
    o.ctid = m.find() ? m.group(1) : null;
    return o;
  }

  private CtdlModel.Ref ref(JsonNode v, String path) {
    CtdlModel.Ref ref = new CtdlModel.Ref();
    JsonNode n = resolve(v);
    String iri = v.isObject() ? v.path("@id").asText(null) : v.asText();
    if (iri != null) {
      ref.uri = refIri(iri, path);
      Matcher m = CTID_IN_IRI.matcher(ref.uri);
      ref.ctid = m.find() ? m.group(1) : null;
    }
    if (n != null && n.isObject()) {
      ref.name = first(text(n, "ceterms:name"));
      if (ref.ctid == null) {
        ref.ctid = ctid(n);
      }
    }
    return ref;
  }

  private void readOffering(JsonNode n) {
    CtdlModel m = r.model;
    use(n, "@type", "@id");
    m.nodePath = path(n);
    m.ctid = ctid(n);
    m.id = n.path("@id").asText(null);
    m.name = text(n, "ceterms:name");
    m.description = text(n, "ceterms:description");
    m.subjectWebpage = string(n, "ceterms:subjectWebpage");
    for (JsonNode l : list(get(n, "ceterms:inLanguage"))) {
      m.inLanguage.add(l.asText());
    }
    if (!m.name.isEmpty()) {
      m.lang = m.name.keySet().iterator().next();
    }
    List<String> st = concepts(n, "ceterms:credentialStatusType");
    if (st.isEmpty()) {
      st = concepts(n, "ceterms:lifeCycleStatusType");
    }
    m.status = st.isEmpty() ? "Active" : st.get(0);
    for (JsonNode v : list(get(n, "ceterms:ownedBy"))) {
      CtdlModel.Org o = orgRef(v, path(n) + "['ceterms:ownedBy']");
      if (m.owner == null) {
        m.owner = o;
      }
    }
    for (JsonNode v : list(get(n, "ceterms:offeredBy"))) {
      CtdlModel.Org o = orgRef(v, path(n) + "['ceterms:offeredBy']");
      if (m.owner == null) {
        m.owner = o;
      } else if (o != m.owner && !(o.id != null && o.id.equals(m.owner.id))) {
        m.offeredBy.add(o);
      }
    }
    m.credentialId = string(n, "ceterms:credentialId");
    jurisdiction(n);
    m.dateEffective = string(n, "ceterms:dateEffective");
    m.expirationDate = string(n, "ceterms:expirationDate");
    m.image = string(n, "ceterms:image");
    m.renewalFrequency = string(n, "ceterms:renewalFrequency");
    m.keywords.addAll(texts(n, "ceterms:keyword"));
    m.audienceLevels.addAll(concepts(n, "ceterms:audienceLevelType"));
    for (JsonNode v : list(get(n, "ceterms:atLevel"))) {
      if (v.isObject()) {
        CtdlModel.Level l = new CtdlModel.Level();
        use(v, "@type");
        l.framework = string(v, "ceterms:framework");
        l.frameworkName = first(text(v, "ceterms:frameworkName"));
        l.node = string(v, "ceterms:targetNode");
        l.nodeName = first(text(v, "ceterms:targetNodeName"));
        m.levels.add(l);
      } else if (v.isTextual()) {
        CtdlModel.Level l = new CtdlModel.Level();
        l.node = v.asText();
        m.levels.add(l);
      }
    }
    m.learningDelivery.addAll(concepts(n, "ceterms:learningDeliveryType"));
    m.learningDelivery.addAll(concepts(n, "ceterms:deliveryType"));
    m.assessmentDelivery.addAll(concepts(n, "ceterms:assessmentDeliveryType"));
    for (JsonNode d : list(get(n, "ceterms:estimatedDuration"))) {
      if (!d.isObject()) {
        continue;
      }
      use(d, "@type", "ceterms:description");
      String tr = string(d, "ceterms:timeRequired");
      if (tr != null) {
        Double h = hours(tr);
        if (h == null) {
          warn(path(d) + "['ceterms:timeRequired']", "not an ISO 8601 duration: " + tr);
        } else {
          m.workloadHours = h;
        }
      }
      String ex = string(d, "ceterms:exactDuration");
      if (ex != null) {
        m.exactDuration = ex;
      }
      String mn = string(d, "ceterms:minimumDuration");
      if (mn != null) {
        m.minDuration = mn;
      }
      String mx = string(d, "ceterms:maximumDuration");
      if (mx != null) {
        m.maxDuration = mx;
      }
    }
    for (JsonNode v : list(get(n, "ceterms:creditValue"))) {
      warn(path(n) + "['ceterms:creditValue']", r.kind == Kind.CREDENTIAL
          ? "legacy creditValue directly on a credential (not in its domain): read as the credential's credit" : "");
      credit(v, null);
    }
    r.warnings.removeIf(w -> w.message().isEmpty());
    for (JsonNode c : list(get(n, "ceterms:requires"))) {
      JsonNode cp = resolve(c);
      if (cp == null || !cp.isObject()) {
        continue;
      }
      condition(cp);
    }
    if (r.kind == Kind.ASSESSMENT) {
      CtdlModel.Assessment a = assessment(n);
      a.ctid = null; // the assessment is the record itself
      m.assessment = a;
    }
    m.entryToDegree = degreeRoute(n, "ceterms:isPreparationFor", CtdlWriter.ENTRY_TO_DEGREE);
    m.creditForDegree = degreeRoute(n, "ceterms:isAdvancedStandingFor", CtdlWriter.CREDIT_FOR_DEGREE);
    for (String rel : QA) {
      for (JsonNode v : list(get(n, rel))) {
        CtdlModel.Qa q = new CtdlModel.Qa();
        q.relation = rel;
        q.org = orgRef(v, path(n) + "['" + rel + "']");
        q.org.qa = true;
        m.qa.add(q);
      }
    }
    for (JsonNode v : list(get(n, "ceterms:isPartOf"))) {
      m.isPartOf.add(ref(v, path(n) + "['ceterms:isPartOf']"));
    }
    for (JsonNode v : list(get(n, "ceterms:hasPart"))) {
      m.hasPart.add(ref(v, path(n) + "['ceterms:hasPart']"));
    }
  }

  private void condition(JsonNode cp) {
    CtdlModel m = r.model;
    use(cp, "@type");
    int creditsBefore = m.credits.size();
    boolean credit = false;
    String unitDescription = first(text(cp, "ceterms:creditUnitTypeDescription"));
    for (JsonNode v : list(get(cp, "ceterms:creditValue"))) {
      credit |= credit(v, unitDescription);
    }
    JsonNode legacyValue = get(cp, "ceterms:creditHourValue");
    if (legacyValue != null) {
      CtdlModel.Credit c = new CtdlModel.Credit();
      Double amount = number(legacyValue);
      if (amount != null) {
        c.amount = amount;
        String unit = first(text(cp, "ceterms:creditHourType"));
        c.unit = unitFromText(unit);
        c.unitText = c.unit == null ? unit : null;
        m.credits.add(c);
        credit = true;
        warn(path(cp) + "['ceterms:creditHourValue']", "legacy creditHourValue/creditHourType read as credit "
            + amount + " " + (unit == null ? "" : unit));
      }
    }
    for (JsonNode v : list(get(cp, "ceterms:targetCompetency"))) {
      competency(v);
    }
    for (JsonNode v : list(get(cp, "ceterms:targetAssessment"))) {
      JsonNode a = resolve(v);
      if (a != null && a.isObject() && m.assessment == null) {
        m.assessment = assessment(a);
      } else if (m.assessment == null) {
        m.assessment = new CtdlModel.Assessment();
        Matcher mt = CTID_IN_IRI.matcher(v.asText());
        m.assessment.ctid = mt.find() ? mt.group(1).toLowerCase(Locale.ROOT) : null;
      }
    }
    if (!credit) {
      m.prerequisites.addAll(texts(cp, "ceterms:condition"));
      for (JsonNode v : list(get(cp, "ceterms:targetCredential"))) {
        m.prerequisiteCredentials.add(ref(v, path(cp) + "['ceterms:targetCredential']"));
      }
    }
    // name and description are read only where they carry something (or are this library's own boilerplate);
    // otherwise they stay unmapped and are reported with their path
    String name = first(peekText(cp, "ceterms:name"));
    String description = first(peekText(cp, "ceterms:description"));
    boolean learning = cp.has("ceterms:targetCompetency") || CtdlWriter.LEARNING_OUTCOMES.equals(name);
    Set<String> ownNames = Set.of("Credit", CtdlWriter.LEARNING_OUTCOMES, "Assessment", "Entry requirements");
    if (name != null && ownNames.contains(name) && peekText(cp, "ceterms:name").size() == 1) {
      use(cp, "ceterms:name");
    }
    if (description != null && peekText(cp, "ceterms:description").size() == 1) {
      boolean own = description.equals(CtdlWriter.ASSESSMENT_TEXT) || description.equals(CtdlWriter.ENTRY_TEXT)
          || description.equals(CtdlWriter.LEARNING_OUTCOMES_TEXT);
      if (m.credits.size() == creditsBefore + 1 && description.equals(CtdlWriter.creditText(m.credits.get(creditsBefore)))) {
        own = true;
      }
      if (own) {
        use(cp, "ceterms:description");
      } else if (learning && m.certifiedLearning == null) {
        m.certifiedLearning = description;
        use(cp, "ceterms:description");
      }
    }
  }

  /**
   * A degree route from the one ConditionProfile of a property; any other shape (several conditions, links to
   * credentials) is left unread and so reported as unmapped.
   */
  private CtdlModel.DegreeRoute degreeRoute(JsonNode n, String key, String ownName) {
    List<JsonNode> values = list(n.get(key));
    if (values.size() != 1 || !values.get(0).isObject()
        || !types(values.get(0)).equals(List.of("ceterms:ConditionProfile"))) {
      return null;
    }
    get(n, key);
    JsonNode cp = values.get(0);
    use(cp, "@type");
    CtdlModel.DegreeRoute r = new CtdlModel.DegreeRoute();
    r.programmes.addAll(texts(cp, "ceterms:condition"));
    List<JsonNode> credits = list(cp.get("ceterms:creditValue"));
    if (credits.size() == 1) {
      get(cp, "ceterms:creditValue");
      int before = this.r.model.credits.size();
      String unitDescription = first(text(cp, "ceterms:creditUnitTypeDescription"));
      if (credit(credits.get(0), unitDescription)) {
        r.credit = this.r.model.credits.remove(before);
      }
    }
    if (ownName.equals(first(peekText(cp, "ceterms:name"))) && peekText(cp, "ceterms:name").size() == 1) {
      use(cp, "ceterms:name");
    }
    String description = first(peekText(cp, "ceterms:description"));
    if (description != null && description.equals(CtdlWriter.degreeRouteText(ownName, r))) {
      use(cp, "ceterms:description");
    }
    return r;
  }

  private void jurisdiction(JsonNode n) {
    List<JsonNode> profiles = list(get(n, "ceterms:jurisdiction"));
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode jp = profiles.get(i);
      if (!jp.isObject()) {
        continue;
      }
      use(jp, "@type");
      if (CtdlWriter.JURISDICTION.equals(first(peekText(jp, "ceterms:description")))) {
        use(jp, "ceterms:description");
      }
      List<JsonNode> places = list(get(jp, "ceterms:mainJurisdiction"));
      if (places.size() != 1 || !places.get(0).isObject() || r.model.jurisdiction != null) {
        continue; // left for the unmapped-value report
      }
      JsonNode place = places.get(0);
      use(place, "@type");
      String country = first(text(place, "ceterms:addressCountry"));
      String region = first(peekText(place, "ceterms:addressRegion"));
      if (region != null && country != null && region.matches("^" + Pattern.quote(country) + "-[A-Z0-9]{1,3}$")) {
        use(place, "ceterms:addressRegion");
        r.model.jurisdiction = region;
      } else {
        r.model.jurisdiction = country;
      }
    }
  }

  private boolean credit(JsonNode v, String unitDescription) {
    JsonNode n = resolve(v);
    Double amount = number(n);
    CtdlModel.Credit c = new CtdlModel.Credit();
    if (n != null && n.isObject()) {
      List<String> t = types(n);
      use(n, "@type");
      if (!t.isEmpty() && !VALUE_TYPES.contains(t.get(0))) {
        return false;
      }
      if (!t.isEmpty() && !t.get(0).equals("ceterms:ValueProfile")) {
        warn(path(n) + "['@type']", "legacy value type " + t.get(0) + " read as ceterms:ValueProfile");
      }
      for (String k : List.of("schema:value", "ceterms:value", "schema:maxValue", "schema:minValue")) {
        if (amount == null) {
          amount = number(get(n, k));
        }
      }
      List<String> units = concepts(n, "ceterms:creditUnitType");
      String desc = first(text(n, "schema:description"));
      String unitText = string(n, "schema:unitText");
      if (!units.isEmpty()) {
        c.unit = units.get(0);
      } else {
        for (String s : new String[] {desc, unitDescription, unitText}) {
          if (c.unit == null && s != null) {
            c.unit = unitFromText(s);
          }
        }
        if (c.unit == null) {
          c.unitText = unitDescription != null ? unitDescription : unitText;
        }
      }
    }
    if (amount == null) {
      warn(path(v), "credit value without a number: not read");
      return false;
    }
    c.amount = amount;
    r.model.credits.add(c);
    return true;
  }

  /**
   * A credit unit from free text: ECTS, CATS, NZQA, or a CTDL creditUnit concept name.
   *
   * @param s the text
   * @return the unit or null
   */
  public static String unitFromText(String s) {
    if (s == null) {
      return null;
    }
    String u = s.toUpperCase(Locale.ROOT);
    if (u.contains("ECTS") || u.contains("EUROPEAN CREDIT")) {
      return "ECTS";
    }
    if (u.contains("CATS")) {
      return "CATS";
    }
    if (u.contains("NZQA")) {
      return "NZQA";
    }
    String flat = u.replaceAll("[^A-Z]", "");
    if (flat.startsWith("SEMESTER")) {
      return "SemesterHour";
    }
    if (flat.startsWith("QUARTER")) {
      return "QuarterHour";
    }
    if (flat.contains("CONTINUINGEDUCATION") || flat.equals("CEU") || flat.equals("CEUS")) {
      return "ContinuingEducationUnit";
    }
    if (flat.startsWith("CLOCKHOUR")) {
      return "ClockHour";
    }
    if (flat.startsWith("CONTACTHOUR")) {
      return "ContactHour";
    }
    return null;
  }

  private void competency(JsonNode v) {
    CtdlModel.Competency c = new CtdlModel.Competency();
    JsonNode n = resolve(v);
    if (n != null && n.isObject() && types(n).contains("ceterms:CredentialAlignmentObject")) {
      use(n, "@type");
      String target = string(n, "ceterms:targetNode");
      String fw = string(n, "ceterms:framework");
      c.frameworkName = first(text(n, "ceterms:frameworkName"));
      Map<String, String> name = text(n, "ceterms:targetNodeName");
      c.text = first(name);
      if (!name.isEmpty()) {
        c.lang = name.keySet().iterator().next();
      }
      use(n, "ceterms:targetNodeDescription", "ceterms:codedNotation");
      JsonNode comp = target == null ? null : resolve(JsonNodeFactory.instance.textNode(target));
      if (comp != null && comp.isObject()) {
        readCompetencyNode(comp, c);
      } else {
        c.uri = target;
      }
      JsonNode fwNode = fw == null ? null : resolve(JsonNodeFactory.instance.textNode(fw));
      if (fwNode != null && fwNode.isObject()) {
        use(fwNode, "@type", "@id", "ceterms:ctid", "ceasn:name", "ceasn:description", "ceasn:inLanguage",
            "ceasn:publisher", "ceasn:hasTopChild");
        c.frameworkUri = string(fwNode, "ceasn:source");
      } else if (fw != null) {
        c.frameworkUri = fw;
      }
    } else if (n != null && n.isObject()) {
      readCompetencyNode(n, c);
    } else if (v.isTextual()) {
      c.uri = v.asText();
    }
    if (c.text == null) {
      c.text = c.uri != null ? c.uri : "";
    }
    r.model.competencies.add(c);
  }

  private void readCompetencyNode(JsonNode comp, CtdlModel.Competency c) {
    use(comp, "@type", "@id", "ceasn:isPartOf", "ceasn:isTopChildOf");
    c.ctid = ctid(comp);
    Map<String, String> t = text(comp, "ceasn:competencyText");
    if (!t.isEmpty()) {
      c.text = first(t);
      c.lang = t.keySet().iterator().next();
    }
    c.uri = string(comp, "ceasn:exactAlignment");
    c.category = first(text(comp, "ceasn:competencyCategory"));
  }

  private CtdlModel.Assessment assessment(JsonNode a) {
    CtdlModel.Assessment x = new CtdlModel.Assessment();
    use(a, "@type", "@id", "ceterms:name", "ceterms:inLanguage", "ceterms:subjectWebpage",
        "ceterms:availableOnlineAt", "ceterms:ownedBy");
    x.ctid = ctid(a);
    x.description = first(text(a, "ceterms:description"));
    x.methods.addAll(concepts(a, "ceterms:assessmentMethodType"));
    x.methodDescription = first(text(a, "ceterms:assessmentMethodDescription"));
    List<String> d = concepts(a, "ceterms:deliveryType");
    x.delivery = d.isEmpty() ? null : d.get(0);
    JsonNode p = get(a, "ceterms:isProctored");
    if (p != null) {
      x.proctored = p.asBoolean();
    }
    return x;
  }

  private void readFramework(JsonNode fw, List<JsonNode> nodes) {
    use(fw, "@type", "@id", "ceasn:hasTopChild");
    r.model.ctid = ctid(fw);
    r.model.name = text(fw, "ceasn:name");
    r.model.description = text(fw, "ceasn:description");
    for (JsonNode v : list(get(fw, "ceasn:publisher"))) {
      r.model.owner = orgRef(v, path(fw) + "['ceasn:publisher']");
    }
    String source = string(fw, "ceasn:source");
    for (JsonNode n : nodes) {
      if (types(n).contains("ceasn:Competency")) {
        CtdlModel.Competency c = new CtdlModel.Competency();
        readCompetencyNode(n, c);
        c.frameworkUri = source;
        c.frameworkName = first(r.model.name);
        r.model.competencies.add(c);
      }
    }
  }

  private void readPathway(JsonNode pw, List<JsonNode> nodes, boolean primary) {
    use(pw, "@type", "@id", "ceterms:hasPart", "ceterms:hasDestinationComponent");
    CtdlModel.Pathway p = new CtdlModel.Pathway();
    p.ctid = ctid(pw);
    p.name = text(pw, "ceterms:name");
    if (primary) {
      r.model.ctid = p.ctid;
      r.model.name = p.name;
      r.model.description = text(pw, "ceterms:description");
      r.model.subjectWebpage = string(pw, "ceterms:subjectWebpage");
      for (JsonNode v : list(get(pw, "ceterms:ownedBy"))) {
        r.model.owner = orgRef(v, path(pw) + "['ceterms:ownedBy']");
      }
    } else {
      use(pw, "ceterms:description", "ceterms:subjectWebpage", "ceterms:ownedBy");
    }
    Set<String> dest = new LinkedHashSet<>();
    for (JsonNode v : list(pw.get("ceterms:hasDestinationComponent"))) {
      dest.add(normIri(v.asText()));
    }
    for (JsonNode n : nodes) {
      if (n == pw) {
        continue;
      }
      String id = normIri(n.path("@id").asText(""));
      boolean component = types(n).stream().anyMatch(t -> t.endsWith("Component"));
      if (!component) {
        continue;
      }
      if (dest.contains(id)) {
        use(n, "@type", "@id", "ceterms:ctid", "ceterms:name", "ceterms:isPartOf", "ceterms:credentialType",
            "ceterms:proxyFor");
        for (JsonNode cond : list(get(n, "ceterms:hasCondition"))) {
          if (cond.isObject() && p.requiredNumber == 0) {
            use(cond, "@type", "ceterms:name", "ceterms:description", "ceterms:targetComponent");
            Double rn = number(get(cond, "ceterms:requiredNumber"));
            p.requiredNumber = rn == null ? 0 : rn.intValue();
          }
        }
        continue;
      }
      use(n, "@type", "@id", "ceterms:isPartOf", "ceterms:credentialType");
      CtdlModel.Ref ref = new CtdlModel.Ref();
      ref.name = first(text(n, "ceterms:name"));
      ref.ctid = ctid(n);
      String proxy = string(n, "ceterms:proxyFor");
      if (proxy != null) {
        ref.uri = refIri(proxy, path(n) + "['ceterms:proxyFor']");
        Matcher mt = CTID_IN_IRI.matcher(ref.uri);
        ref.ctid = mt.find() ? mt.group(1) : ref.ctid;
      }
      p.components.add(ref);
    }
    r.model.pathway = p;
  }
}
