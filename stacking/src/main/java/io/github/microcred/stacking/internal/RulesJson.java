package io.github.microcred.stacking.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.stacking.Cap;
import io.github.microcred.stacking.Constraints;
import io.github.microcred.stacking.DoubleCount;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Origin;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.StackingErrorCode;
import io.github.microcred.stacking.StackingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes the JSON rule language. */
public final class RulesJson {
  private static final Set<String> TOP = Set.of("$schema", "id", "title", "unit", "requirement", "definitions",
      "constraints", "doubleCounting", "description");
  private static final Set<String> NODE = Set.of("id", "title", "description", "allOf", "anyOf", "nOf", "of",
      "credential", "equivalent", "credits", "count", "where", "ref");
  private static final Set<String> FILTER = Set.of("credentials", "idPrefixes", "allOf", "subjects", "competencies", "tags", "minLevel",
      "maxLevel", "issuers", "providers", "origins", "kinds", "creditBearing", "assessed", "withinYears",
      "referenceDate", "anyOf", "noneOf");
  private static final Set<String> CONS = Set.of("totalCredits", "minResidence", "validityYears", "caps");
  private static final Set<String> CAP = Set.of("name", "where", "maxCredits", "maxCount", "maxShare",
      "maxPerProvider");

  private RulesJson() {}

  /**
   * Parses rules (without semantic validation).
   *
   * @param text JSON
   * @return rules
   * @throws StackingException RULES_INVALID with the JSON path of every fault
   */
  public static Rules read(String text) throws StackingException {
    JsonNode root = Json.parse(text, StackingErrorCode.RULES_INVALID, "",
        "rules whose requirements nest at most " + FlatTree.MAX_DEPTH + " levels");
    if (root == null || !root.isObject()) {
      throw new StackingException(StackingErrorCode.RULES_INVALID, "$: expected a JSON object");
    }
    Json j = new Json();
    j.only(root, "$", TOP);
    String id = j.text(root, "id", "$", null);
    String title = j.text(root, "title", "$", "");
    String unitName = j.text(root, "unit", "$", null);
    var unit = Units.find(unitName);
    if (unit.isEmpty() && !unitName.isEmpty()) {
      j.err("$.unit", "unknown credit unit '" + unitName + "' (expected one of "
          + Arrays.toString(CreditUnit.values()) + ", SCH, CATS)");
    }
    Requirement req = null;
    if (!root.has("requirement")) {
      j.err("$.requirement", "required requirement tree is missing");
    } else {
      req = node(j, root.get("requirement"), "$.requirement");
    }
    Map<String, Requirement> defs = new LinkedHashMap<>();
    JsonNode d = root.get("definitions");
    if (d != null) {
      if (!d.isObject()) {
        j.err("$.definitions", "expected an object of named requirements");
      } else {
        d.fields().forEachRemaining(e -> defs.put(e.getKey(), node(j, e.getValue(),
            "$.definitions." + e.getKey())));
      }
    }
    Constraints cons = Constraints.NONE;
    JsonNode c = root.get("constraints");
    if (c != null) {
      if (!c.isObject()) {
        j.err("$.constraints", "expected an object");
      } else {
        j.only(c, "$.constraints", CONS);
        List<Cap> caps = new ArrayList<>();
        JsonNode ca = c.get("caps");
        if (ca != null && !ca.isArray()) {
          j.err("$.constraints.caps", "expected an array");
        } else if (ca != null) {
          for (int i = 0; i < ca.size(); i++) {
            caps.add(cap(j, ca.get(i), "$.constraints.caps[" + i + "]"));
          }
        }
        cons = new Constraints(j.number(c, "totalCredits", "$.constraints", BigDecimal.ZERO),
            j.number(c, "minResidence", "$.constraints", BigDecimal.ZERO),
            j.integer(c, "validityYears", "$.constraints", 0), caps);
      }
    }
    List<DoubleCount> dc = new ArrayList<>();
    JsonNode dn = root.get("doubleCounting");
    if (dn != null) {
      if (!dn.isArray()) {
        j.err("$.doubleCounting", "expected an array");
      } else {
        for (int i = 0; i < dn.size(); i++) {
          String p = "$.doubleCounting[" + i + "]";
          JsonNode e = dn.get(i);
          if (!e.isObject()) {
            j.err(p, "expected an object");
            continue;
          }
          j.only(e, p, Set.of("requirements", "credentials"));
          dc.add(new DoubleCount(j.strings(e, "requirements", p), j.strings(e, "credentials", p)));
        }
      }
    }
    if (!j.errors.isEmpty() || req == null || unit.isEmpty()) {
      throw new StackingException(StackingErrorCode.RULES_INVALID, "invalid rules: " + String.join("; ",
          j.errors));
    }
    return new Rules(id, title, unit.orElseThrow(), req, defs, cons, dc);
  }

  private static Cap cap(Json j, JsonNode o, String path) {
    if (!o.isObject()) {
      j.err(path, "expected an object");
      return Cap.maxCount("", Filter.ANY, 0);
    }
    j.only(o, path, CAP);
    String name = j.text(o, "name", path, path);
    Filter f = o.has("where") ? filter(j, o.get("where"), path + ".where") : Filter.ANY;
    List<String> limits = new ArrayList<>();
    for (String k : List.of("maxCredits", "maxCount", "maxShare", "maxPerProvider")) {
      if (o.has(k)) {
        limits.add(k);
      }
    }
    if (limits.size() > 1) {
      j.err(path, "a cap has exactly one of maxCredits, maxCount, maxShare, maxPerProvider, got " + limits);
    }
    if (o.has("maxCredits")) {
      return new Cap(name, f, Cap.Measure.CREDITS, j.fraction(o, "maxCredits", path, null), false, false);
    } else if (o.has("maxCount")) {
      return new Cap(name, f, Cap.Measure.COUNT, BigDecimal.valueOf(j.integer(o, "maxCount", path, null)), false,
          false);
    } else if (o.has("maxShare")) {
      return Cap.maxShare(name, f, j.fraction(o, "maxShare", path, null));
    } else if (o.has("maxPerProvider")) {
      return new Cap(name, f, Cap.Measure.CREDITS, j.fraction(o, "maxPerProvider", path, null), true, false);
    }
    j.err(path, "a cap needs one of maxCredits, maxCount, maxShare, maxPerProvider");
    return Cap.maxCount(name, f, 0);
  }

  private static Requirement node(Json j, JsonNode o, String path) {
    if (o == null || !o.isObject()) {
      j.err(path, "expected a requirement object");
      return Requirement.count("", 0, Filter.ANY);
    }
    j.only(o, path, NODE);
    String id = j.text(o, "id", path, "");
    List<String> kinds = new ArrayList<>();
    for (String k : List.of("allOf", "anyOf", "nOf", "credential", "equivalent", "credits", "count", "ref")) {
      if (o.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      j.err(path, kinds.isEmpty() ? "a requirement needs one of allOf, anyOf, nOf, credential, equivalent, credits,"
          + " count, ref" : "a requirement has exactly one kind, got " + kinds);
      return Requirement.count(id, 0, Filter.ANY);
    }
    Filter where = o.has("where") ? filter(j, o.get("where"), path + ".where") : Filter.ANY;
    String kind = kinds.get(0);
    if (o.has("where") && List.of("allOf", "anyOf", "nOf", "ref").contains(kind)) {
      j.err(path + ".where", "a where filter applies to the leaves (credits, count, credential, equivalent) only,"
          + " not to " + kind + "; put it on the leaves it should restrict");
    }
    if (o.has("where") && List.of("credential", "equivalent").contains(kind) && !where.credentials().isEmpty()) {
      j.err(path + ".where.credentials", "a " + kind + " leaf names its credentials itself; drop where.credentials");
    }
    switch (kind) {
      case "allOf":
        return new Requirement(Requirement.Kind.ALL_OF, id, children(j, o.get("allOf"), path + ".allOf"), 0,
            BigDecimal.ZERO, Filter.ANY, "");
      case "anyOf":
        return new Requirement(Requirement.Kind.ANY_OF, id, children(j, o.get("anyOf"), path + ".anyOf"), 1,
            BigDecimal.ZERO, Filter.ANY, "");
      case "nOf": {
        int n = j.integer(o, "nOf", path, null);
        if (!o.has("of")) {
          j.err(path + ".of", "nOf needs the array 'of'");
        }
        return new Requirement(Requirement.Kind.N_OF, id, children(j, o.get("of"), path + ".of"), n,
            BigDecimal.ZERO, Filter.ANY, "");
      }
      case "credential":
        return new Requirement(Requirement.Kind.CREDENTIAL, id, List.of(), 0, BigDecimal.ONE,
            withCredentials(where, Set.of(j.text(o, "credential", path, null))), "");
      case "equivalent":
        return new Requirement(Requirement.Kind.EQUIVALENT, id, List.of(), 0, BigDecimal.ONE,
            withCredentials(where, j.strings(o, "equivalent", path)), "");
      case "credits":
        return Requirement.credits(id, j.number(o, "credits", path, null), where);
      case "count": {
        if (!o.get("count").isNumber()) {
          j.err(path + ".count", "expected a whole number, got " + o.get("count").getNodeType());
        }
        BigDecimal n = j.number(o, "count", path, null);
        return new Requirement(Requirement.Kind.COUNT, id, List.of(), 0, n, where, "");
      }
      default: {
        Requirement r = Requirement.ref(j.text(o, "ref", path, null));
        return new Requirement(r.kind(), id, List.of(), 0, BigDecimal.ZERO, Filter.ANY, r.ref());
      }
    }
  }

  private static List<Requirement> children(Json j, JsonNode a, String path) {
    List<Requirement> out = new ArrayList<>();
    if (a == null || !a.isArray()) {
      j.err(path, "expected an array of requirements");
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      out.add(node(j, a.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /**
   * Reads a filter.
   *
   * @param j error collector
   * @param o node
   * @param path path
   * @return filter
   */
  public static Filter filter(Json j, JsonNode o, String path) {
    if (o == null || !o.isObject()) {
      j.err(path, "expected a filter object");
      return Filter.ANY;
    }
    j.only(o, path, FILTER);
    Filter.Builder b = Filter.builder()
        .credentials(j.strings(o, "credentials", path))
        .idPrefixes(j.strings(o, "idPrefixes", path).toArray(new String[0]))
        .subjects(j.strings(o, "subjects", path).toArray(new String[0]))
        .competencies(j.strings(o, "competencies", path).toArray(new String[0]))
        .tags(j.strings(o, "tags", path).toArray(new String[0]))
        .issuers(j.strings(o, "issuers", path).toArray(new String[0]))
        .providers(j.strings(o, "providers", path).toArray(new String[0]))
        .kinds(j.strings(o, "kinds", path).toArray(new String[0]));
    if (o.has("minLevel")) {
      b.minLevel(j.integer(o, "minLevel", path, 0));
    }
    if (o.has("maxLevel")) {
      b.maxLevel(j.integer(o, "maxLevel", path, 0));
    }
    List<Origin> origins = new ArrayList<>();
    for (String s : j.strings(o, "origins", path)) {
      try {
        origins.add(Origin.valueOf(s));
      } catch (IllegalArgumentException e) {
        j.err(path + ".origins", "unknown origin '" + s + "' (expected RESIDENT, EXTERNAL or RPL)");
      }
    }
    b.origins(origins.toArray(new Origin[0]));
    if (j.bool(o, "creditBearing", path, false)) {
      b.creditBearingOnly();
    }
    if (j.bool(o, "assessed", path, false)) {
      b.assessedOnly();
    }
    int wy = j.integer(o, "withinYears", path, 0);
    if (wy < 0) {
      j.err(path + ".withinYears", "must be positive, got " + wy);
    }
    b.withinYears(wy);
    var ref = j.date(o, "referenceDate", path);
    if (ref != null && wy == 0) {
      j.err(path + ".referenceDate", "is the reference date of withinYears, which is not set; set withinYears or"
          + " drop referenceDate");
    }
    if (ref != null) {
      b.referenceDate(ref);
    }
    b.allOf(filters(j, o.get("allOf"), path + ".allOf"));
    b.anyOf(filters(j, o.get("anyOf"), path + ".anyOf"));
    b.noneOf(filters(j, o.get("noneOf"), path + ".noneOf"));
    return b.build();
  }

  /**
   * The filter with its credential set replaced.
   *
   * @param f the filter
   * @param ids the credential identifiers
   * @return the copy
   */
  public static Filter withCredentials(Filter f, Set<String> ids) {
    return new Filter(ids, f.idPrefixes(), f.subjects(), f.competencies(), f.tags(), f.minLevel(), f.maxLevel(),
        f.issuers(), f.providers(), f.origins(), f.kinds(), f.creditBearingOnly(), f.assessedOnly(), f.withinYears(),
        f.referenceDate(), f.allOf(), f.anyOf(), f.noneOf());
  }

  private static List<Filter> filters(Json j, JsonNode a, String path) {
    List<Filter> out = new ArrayList<>();
    if (a == null) {
      return out;
    }
    if (!a.isArray()) {
      j.err(path, "expected an array of filters");
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      out.add(filter(j, a.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /**
   * Writes rules as a JSON tree.
   *
   * @param r rules
   * @return a new tree
   */
  public static ObjectNode write(Rules r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("$schema", "https://microcred.github.io/schemas/stacking-rules-1.0.json");
    o.put("id", r.id());
    if (!r.title().isEmpty()) {
      o.put("title", r.title());
    }
    o.put("unit", r.unit().name());
    o.set("requirement", node(r.root()));
    if (!r.definitions().isEmpty()) {
      ObjectNode d = o.putObject("definitions");
      r.definitions().forEach((k, v) -> d.set(k, node(v)));
    }
    Constraints c = r.constraints();
    if (!c.equals(Constraints.NONE)) {
      ObjectNode co = o.putObject("constraints");
      if (c.totalCredits().signum() != 0) {
        co.put("totalCredits", c.totalCredits());
      }
      if (c.minResidence().signum() != 0) {
        co.put("minResidence", c.minResidence());
      }
      if (c.validityYears() != 0) {
        co.put("validityYears", c.validityYears());
      }
      if (!c.caps().isEmpty()) {
        ArrayNode ca = co.putArray("caps");
        for (Cap cap : c.caps()) {
          ObjectNode x = ca.addObject();
          x.put("name", cap.name());
          if (!cap.filter().equals(Filter.ANY)) {
            x.set("where", filter(cap.filter()));
          }
          String key = cap.perProvider() ? "maxPerProvider" : cap.shareOfTotal() ? "maxShare"
              : cap.measure() == Cap.Measure.COUNT ? "maxCount" : "maxCredits";
          var exact = cap.max().exactDecimal();
          if (exact.isPresent()) {
            x.put(key, exact.get());
          } else {
            x.put(key, cap.max().toString());
          }
        }
      }
    }
    if (!r.doubleCounting().isEmpty()) {
      ArrayNode a = o.putArray("doubleCounting");
      for (DoubleCount d : r.doubleCounting()) {
        ObjectNode x = a.addObject();
        strings(x, "requirements", d.requirements());
        if (!d.credentials().isEmpty()) {
          strings(x, "credentials", d.credentials());
        }
      }
    }
    return o;
  }

  private static void strings(ObjectNode o, String f, Collection<?> v) {
    ArrayNode a = o.putArray(f);
    new TreeSet<>(v.stream().map(Object::toString).toList()).forEach(a::add);
  }

  private static ObjectNode node(Requirement r) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    if (!r.id().isEmpty()) {
      o.put("id", r.id());
    }
    switch (r.kind()) {
      case ALL_OF:
      case ANY_OF: {
        ArrayNode a = o.putArray(r.kind() == Requirement.Kind.ALL_OF ? "allOf" : "anyOf");
        r.children().forEach(c -> a.add(node(c)));
        break;
      }
      case N_OF: {
        o.put("nOf", r.n());
        ArrayNode a = o.putArray("of");
        r.children().forEach(c -> a.add(node(c)));
        break;
      }
      case CREDENTIAL:
      case EQUIVALENT: {
        if (r.kind() == Requirement.Kind.CREDENTIAL && r.filter().credentials().size() == 1) {
          o.put("credential", r.filter().credentials().iterator().next());
        } else {
          strings(o, "equivalent", r.filter().credentials());
        }
        Filter rest = withCredentials(r.filter(), Set.of());
        if (!rest.equals(Filter.ANY)) {
          o.set("where", filter(rest));
        }
        break;
      }
      case CREDITS:
        o.put("credits", r.amount());
        if (!r.filter().equals(Filter.ANY)) {
          o.set("where", filter(r.filter()));
        }
        break;
      case COUNT:
        o.put("count", r.amount());
        if (!r.filter().equals(Filter.ANY)) {
          o.set("where", filter(r.filter()));
        }
        break;
      default:
        o.put("ref", r.ref());
    }
    return o;
  }

  private static ObjectNode filter(Filter f) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    Map<String, Set<?>> sets = new LinkedHashMap<>();
    sets.put("credentials", f.credentials());
    sets.put("idPrefixes", f.idPrefixes());
    sets.put("subjects", f.subjects());
    sets.put("competencies", f.competencies());
    sets.put("tags", f.tags());
    sets.put("issuers", f.issuers());
    sets.put("providers", f.providers());
    sets.put("origins", f.origins());
    sets.put("kinds", f.kinds());
    sets.forEach((k, v) -> {
      if (!v.isEmpty()) {
        strings(o, k, v);
      }
    });
    if (f.minLevel() != Integer.MIN_VALUE) {
      o.put("minLevel", f.minLevel());
    }
    if (f.maxLevel() != Integer.MAX_VALUE) {
      o.put("maxLevel", f.maxLevel());
    }
    if (f.creditBearingOnly()) {
      o.put("creditBearing", true);
    }
    if (f.assessedOnly()) {
      o.put("assessed", true);
    }
    if (f.withinYears() != 0) {
      o.put("withinYears", f.withinYears());
    }
    f.referenceDate().ifPresent(d -> o.put("referenceDate", d.toString()));
    if (!f.allOf().isEmpty()) {
      ArrayNode a = o.putArray("allOf");
      f.allOf().forEach(x -> a.add(filter(x)));
    }
    if (!f.anyOf().isEmpty()) {
      ArrayNode a = o.putArray("anyOf");
      f.anyOf().forEach(x -> a.add(filter(x)));
    }
    if (!f.noneOf().isEmpty()) {
      ArrayNode a = o.putArray("noneOf");
      f.noneOf().forEach(x -> a.add(filter(x)));
    }
    return o;
  }
}
