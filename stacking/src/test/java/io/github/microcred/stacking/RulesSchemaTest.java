package io.github.microcred.stacking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.internal.RulesJson;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The published schema and the reader agree field for field, and every field either changes what the audit does
 * or is rejected with its path. Both sides are derived: the schema's declared fields by walking the schema file,
 * the reader's accepted ones from the reader itself (the list it prints when it meets an unknown field).
 */
class RulesSchemaTest {
  static final ObjectMapper M = new ObjectMapper();
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  /** A rules document holding every kind of object once; where each schema object occurs in it. */
  static final String BASE = """
      {"id": "x", "unit": "ECTS",
       "requirement": {"id": "a", "credits": 1, "where": {}},
       "constraints": {"totalCredits": 1, "caps": [{"maxCredits": 1}]},
       "doubleCounting": [{"requirements": ["a", "$"]}]}
      """;
  static final Map<String, String> WHERE = Map.of(
      "#", "$",
      "#/$defs/requirement", "$.requirement",
      "#/$defs/filter", "$.requirement.where",
      "#/properties/constraints", "$.constraints",
      "#/$defs/cap", "$.constraints.caps[0]",
      "#/properties/doubleCounting/items", "$.doubleCounting[0]");

  static JsonNode schema() throws Exception {
    try (InputStream in = Rules.class.getResourceAsStream(Rules.SCHEMA_RESOURCE)) {
      assertNotNull(in, Rules.SCHEMA_RESOURCE);
      return M.readTree(in);
    }
  }

  /** Every object schema with declared properties, reachable from the root, by JSON pointer. */
  static Map<String, Set<String>> declared(JsonNode schema) {
    Map<String, Set<String>> out = new TreeMap<>();
    Deque<String> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.push("#");
    while (!todo.isEmpty()) {
      String ptr = todo.pop();
      if (!seen.add(ptr)) {
        continue;
      }
      JsonNode s = schema.at(ptr.substring(1));
      if (s.has("$ref")) {
        todo.push(s.get("$ref").asText());
      }
      if (s.has("properties")) {
        Set<String> names = new TreeSet<>();
        s.get("properties").fieldNames().forEachRemaining(f -> {
          names.add(f);
          todo.push(ptr + "/properties/" + f.replace("~", "~0").replace("/", "~1"));
        });
        out.put(ptr, names);
      }
      for (String k : new String[] {"items", "additionalProperties", "then", "not"}) {
        if (s.has(k) && s.get(k).isObject()) {
          todo.push(ptr + "/" + k);
        }
      }
      for (String k : new String[] {"anyOf", "oneOf", "allOf"}) {
        for (int i = 0; s.has(k) && i < s.get(k).size(); i++) {
          todo.push(ptr + "/" + k + "/" + i);
        }
      }
    }
    return out;
  }

  static JsonNode at(JsonNode doc, String path) {
    JsonNode n = doc;
    Matcher m = Pattern.compile("\\.([A-Za-z]+)|\\[(\\d+)]").matcher(path.substring(1));
    while (m.find()) {
      n = m.group(1) != null ? n.get(m.group(1)) : n.get(Integer.parseInt(m.group(2)));
    }
    return n;
  }

  /** The fields the reader accepts at a path: it lists them when it meets an unknown one there. */
  static Set<String> accepted(String path) throws Exception {
    JsonNode doc = M.readTree(BASE);
    ((ObjectNode) at(doc, path)).put("zzUnknown", 1);
    StackingException e = assertThrows(StackingException.class, () -> RulesJson.read(M.writeValueAsString(doc)));
    Matcher m = Pattern.compile(Pattern.quote(path + ".zzUnknown: unknown field (allowed: ") + "([^)]*)\\)")
        .matcher(e.getMessage());
    assertTrue(m.find(), path + ": " + e.getMessage());
    return new TreeSet<>(Set.of(m.group(1).split(", ")));
  }

  @Test
  void theReaderAcceptsExactlyTheFieldsTheSchemaDeclares() throws Exception {
    RulesJson.read(BASE); // the base document itself is accepted
    Map<String, Set<String>> declared = declared(schema());
    assertTrue(declared.size() >= 6, declared.toString());
    for (var e : declared.entrySet()) {
      String path = WHERE.get(e.getKey());
      assertNotNull(path, "schema object " + e.getKey() + " has no place in the test's base document; add one");
      assertEquals(e.getValue(), accepted(path), "schema " + e.getKey() + " vs reader at " + path);
    }
  }

  /** Per filter field: a value, and which of {X, Y} it rejects (the field alone makes the difference). */
  static final Map<String, String[]> FILTER_SAMPLES = Map.ofEntries(
      Map.entry("credentials", new String[] {"{\"credentials\": [\"Y\"]}", "X"}),
      Map.entry("idPrefixes", new String[] {"{\"idPrefixes\": [\"Y\"]}", "X"}),
      Map.entry("subjects", new String[] {"{\"subjects\": [\"s-y\"]}", "X"}),
      Map.entry("competencies", new String[] {"{\"competencies\": [\"k-y\"]}", "X"}),
      Map.entry("tags", new String[] {"{\"tags\": [\"t-y\"]}", "X"}),
      Map.entry("minLevel", new String[] {"{\"minLevel\": 6}", "X"}),
      Map.entry("maxLevel", new String[] {"{\"maxLevel\": 6}", "Y"}),
      Map.entry("issuers", new String[] {"{\"issuers\": [\"iss-y\"]}", "X"}),
      Map.entry("providers", new String[] {"{\"providers\": [\"prov-y\"]}", "X"}),
      Map.entry("origins", new String[] {"{\"origins\": [\"RESIDENT\"]}", "X"}),
      Map.entry("kinds", new String[] {"{\"kinds\": [\"course\"]}", "X"}),
      Map.entry("creditBearing", new String[] {"{\"creditBearing\": true}", "X"}),
      Map.entry("assessed", new String[] {"{\"assessed\": true}", "X"}),
      Map.entry("withinYears", new String[] {"{\"withinYears\": 3}", "X"}),
      Map.entry("referenceDate", new String[] {"{\"withinYears\": 3, \"referenceDate\": \"2030-01-01\"}", "Y"}),
      Map.entry("allOf", new String[] {"{\"allOf\": [{\"kinds\": [\"course\"]}]}", "X"}),
      Map.entry("anyOf", new String[] {"{\"anyOf\": [{\"kinds\": [\"course\"]}, {\"tags\": [\"t-y\"]}]}", "X"}),
      Map.entry("noneOf", new String[] {"{\"noneOf\": [{\"kinds\": [\"badge\"]}]}", "X"}));

  static final Credential X = Credential.builder("X").credits(5, "ECTS").level(5).issuer("iss-x").provider("prov-x")
      .origin(Origin.RPL).kind("badge").subjects("s-x").competencies("k-x").tags("t-x").creditBearing(false)
      .assessed(false).issued(AS_OF.minusYears(5)).build();
  static final Credential Y = Credential.builder("Y").credits(5, "ECTS").level(7).issuer("iss-y").provider("prov-y")
      .origin(Origin.RESIDENT).kind("course").subjects("s-y").competencies("k-y").tags("t-y").creditBearing(true)
      .assessed(true).issued(AS_OF.minusYears(1)).build();

  static Filter leafFilter(String where) throws StackingException {
    return Rules.fromJson("{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": {\"id\": \"k\", \"count\": 1,"
        + " \"where\": " + where + "}}").root().filter();
  }

  @Test
  void everyFilterFieldOfTheSchemaChangesWhichCredentialsCount() throws Exception {
    Set<String> fields = declared(schema()).get("#/$defs/filter");
    assertEquals(fields, FILTER_SAMPLES.keySet().stream().collect(java.util.stream.Collectors.toCollection(
        TreeSet::new)), "a filter field without a sample here is untested");
    for (String f : fields) {
      String[] s = FILTER_SAMPLES.get(f);
      Filter with = leafFilter(s[0]);
      Credential rejected = s[1].equals("X") ? X : Y;
      Credential kept = s[1].equals("X") ? Y : X;
      assertFalse(with.test(rejected, AS_OF), f + " should reject " + rejected.id());
      ObjectNode without = (ObjectNode) M.readTree(s[0]);
      without.remove(f);
      assertTrue(leafFilter(M.writeValueAsString(without)).test(rejected, AS_OF),
          f + ": without it " + rejected.id() + " is accepted");
      if (!f.equals("referenceDate")) {
        assertTrue(with.test(kept, AS_OF), f + " should keep " + kept.id());
      }
    }
  }

  static AuditResult leaf(String leaf, int level) throws StackingException {
    Rules rules = Rules.fromJson("{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": " + leaf + "}");
    return Stacking.audit(rules, Transcript.of(Credential.builder("MC-1").credits(5, "ECTS").level(level)
        .issued(AS_OF.minusYears(1)).build()), AS_OF);
  }

  @Test
  void whereOnCredentialAndEquivalentLeavesIsHonoured() throws Exception {
    // the reported defect: a minLevel 9 credential leaf was met by a level-6 credential
    String credential = "{\"id\": \"capstone\", \"credential\": \"MC-1\", \"where\": {\"minLevel\": 9}}";
    AuditResult six = leaf(credential, 6);
    assertFalse(six.satisfied(), six.summary());
    assertTrue(six.exclusions().stream().anyMatch(e -> e.credentialId().equals("MC-1")
        && e.detail().contains("level too low (6 < 9)")), six.summary());
    assertTrue(leaf(credential, 9).satisfied());
    String equivalent = "{\"id\": \"stats\", \"equivalent\": [\"MC-1\", \"MC-2\"], \"where\": {\"minLevel\": 9}}";
    assertFalse(leaf(equivalent, 6).satisfied());
    assertTrue(leaf(equivalent, 9).satisfied());
    // the filter survives a round trip
    Rules r = Rules.fromJson("{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": " + credential + "}");
    assertEquals(r, Rules.fromJson(r.toJson().toPrettyString()));
    assertEquals(9, r.root().filter().minLevel());
    // and the Java API says the same
    Rules j = Rules.builder("t").requirement(Requirement.credential("capstone", "MC-1",
        Filter.builder().minLevel(9).build())).build();
    assertEquals(r.root(), j.root());
  }

  @Test
  void whereWhereItCannotApplyIsRejectedWithItsPath() {
    for (String node : new String[] {"{\"allOf\": [{\"credential\": \"A\"}], \"where\": {\"minLevel\": 9}}",
        "{\"anyOf\": [{\"credential\": \"A\"}], \"where\": {}}",
        "{\"nOf\": 1, \"of\": [{\"credential\": \"A\"}], \"where\": {}}"}) {
      StackingException e = assertThrows(StackingException.class,
          () -> Rules.fromJson("{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": " + node + "}"));
      assertTrue(e.getMessage().contains("$.requirement.where: a where filter applies to the leaves"), e.getMessage());
    }
    StackingException e = assertThrows(StackingException.class, () -> Rules.fromJson(
        "{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": {\"credential\": \"A\", \"where\": {\"credentials\": "
            + "[\"B\"]}}}"));
    assertTrue(e.getMessage().contains("$.requirement.where.credentials:"), e.getMessage());
    StackingException two = assertThrows(StackingException.class, () -> Rules.fromJson(
        "{\"id\": \"t\", \"unit\": \"ECTS\", \"requirement\": {\"credits\": 1}, \"constraints\": {\"totalCredits\":"
            + " 3, \"caps\": [{\"maxCredits\": 1, \"maxShare\": \"1/3\"}]}}"));
    assertTrue(two.getMessage().contains("$.constraints.caps[0]: a cap has exactly one of"), two.getMessage());
    // the Java API: a filter on a combinator is a problem with its path, not silently dropped
    Requirement bad = new Requirement(Requirement.Kind.ALL_OF, "root", java.util.List.of(
        Requirement.credential("a", "A")), 0, java.math.BigDecimal.ZERO, Filter.builder().minLevel(3).build(), "");
    StackingException j = assertThrows(StackingException.class, () -> Rules.builder("t").requirement(bad).build());
    assertTrue(j.getMessage().contains("$.where: a filter applies to the leaves"), j.getMessage());
  }

  @Test
  void aReferenceDateWithoutARecencyWindowIsRejectedNotIgnored() {
    StackingException e = assertThrows(StackingException.class, () -> leafFilter(
        "{\"anyOf\": [{\"referenceDate\": \"2024-09-01\"}]}"));
    assertTrue(e.getMessage().contains("$.requirement.where.anyOf[0].referenceDate: is the reference date of"
        + " withinYears"), e.getMessage());
    StackingException j = assertThrows(StackingException.class, () -> Rules.builder("t").requirement(
        Requirement.count("k", 1, Filter.builder().referenceDate(AS_OF).build())).build());
    assertTrue(j.getMessage().contains("$.where.referenceDate: is the reference date of withinYears"),
        j.getMessage());
  }

  @Test
  void idPrefixesAndAllOfFiltersArePublished() throws Exception {
    Set<String> filter = declared(schema()).get("#/$defs/filter");
    assertTrue(filter.contains("idPrefixes") && filter.contains("allOf"), filter.toString());
  }
}
