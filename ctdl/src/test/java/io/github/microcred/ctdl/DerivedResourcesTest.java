package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.ctdl.internal.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema and policy resources shipped in the jar are derived from the pinned copies in ../shared: this test
 * re-derives them and compares byte for byte. Run with {@code -Dmicrocred.regenerate=true} to rewrite them after
 * updating the pinned copies.
 */
class DerivedResourcesTest {
  private static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path RES = Path.of("src/main/resources/io/github/microcred/ctdl");
  /** Facts kept from each schema term; prose (labels, comments, definitions, notes) is dropped. */
  private static final List<String> KEEP = List.of("@id", "@type", "vs:term_status", "rdfs:subClassOf",
      "schema:domainIncludes", "schema:rangeIncludes", "meta:targetScheme", "meta:hasConcept", "skos:inScheme",
      "owl:inverseOf");

  static final String CTDL_SCHEMA_SHA = "a2dd28cb08f9e5e0324fe155e7381c276d70e69cb95521dab120f042cc538776";
  static final String CTDLASN_SCHEMA_SHA = "8bacfcec140c03e144903acd04eeacc3f466c2245ca2a1bb703a322981fda0b7";
  static final String POLICY_SHA = "776684398b1eb7c95b00307922271da7b89fbc54157cdab99300e231f272aa88";

  @Test
  void ctdlSchemaTermsAreDerivedFromThePinnedEncoding() throws IOException {
    check("ctdl-schema-terms.json", strip(Shared.ctdl("schema/ctdl-schema.json"), CTDL_SCHEMA_SHA,
        "https://credreg.net/ctdl/schema/encoding/json"));
  }

  @Test
  void ctdlasnSchemaTermsAreDerivedFromThePinnedEncoding() throws IOException {
    check("ctdlasn-schema-terms.json", strip(Shared.ctdl("schema/ctdlasn-schema.json"), CTDLASN_SCHEMA_SHA,
        "https://credreg.net/ctdlasn/schema/encoding/json"));
  }

  @Test
  void policyIsDerivedFromThePolicyBrowserData() throws IOException {
    check("min-data-policy.tsv", derivePolicy());
  }

  @Test
  void pinnedContextsMatchTheirDigests() throws IOException {
    assertEquals(Vocabulary.CTDL_CONTEXT_SHA256, Vocabulary.sha256Hex(Files.readAllBytes(RES.resolve("ctdl-context.json"))));
    assertEquals(Vocabulary.CTDLASN_CONTEXT_SHA256,
        Vocabulary.sha256Hex(Files.readAllBytes(RES.resolve("ctdlasn-context.json"))));
  }

  @Test
  void strippedSchemaGivesTheSameVocabularyAsTheFullEncoding() throws IOException {
    // the validator reads the full encodings too (withSchema): same verdicts on a known-bad record
    String ctdl = Shared.read(Shared.ctdl("schema/ctdl-schema.json"));
    String asn = Shared.read(Shared.ctdl("schema/ctdlasn-schema.json"));
    String record = Shared.read(Shared.ctdl("records/real/06-comptia-a-plus-certification.resource.json"));
    try {
      assertEquals(Ctdl.validate(record), Ctdl.validator().withSchema(ctdl, asn).validate(record));
    } catch (CtdlException e) {
      throw new AssertionError(e);
    }
  }

  private static void check(String name, String expected) throws IOException {
    Path p = RES.resolve(name);
    if (Boolean.getBoolean("microcred.regenerate")) {
      Files.writeString(p, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(p, StandardCharsets.UTF_8),
        name + " is stale: re-derive with -Dmicrocred.regenerate=true");
  }

  private static String strip(Path src, String sha, String url) throws IOException {
    byte[] bytes = Files.readAllBytes(src);
    assertEquals(sha, Vocabulary.sha256Hex(bytes), "pinned schema changed: " + src);
    JsonNode in = M.readTree(bytes);
    ObjectNode out = M.createObjectNode();
    out.set("@context", in.get("@context"));
    out.put("dct:source", url);
    out.put("dct:license", "https://creativecommons.org/licenses/by/4.0/");
    out.put("rdfs:comment", "Facts (terms, classes, domains, ranges, concept schemes) derived from " + url
        + " (sha256 " + sha + ", retrieved 2026-08-06) by Credential Engine; prose removed. See SOURCES.md.");
    ArrayNode g = out.putArray("@graph");
    for (JsonNode n : in.get("@graph")) {
      ObjectNode o = M.createObjectNode();
      for (String k : KEEP) {
        if (n.has(k)) {
          o.set(k, n.get(k));
        }
      }
      g.add(o);
    }
    return M.writeValueAsString(out) + "\n";
  }

  /**
   * Rules: the policy browser data lists for each class its property sets (required, recommended, optional). The
   * source appends a copy of another class's sets after some classes (Competency, Pathway, skos:Concept): a
   * REQUIRED set after a RECOMMENDED or OPTIONAL one starts such a copy, and is dropped. One set carries the misspelt
   * level "RequiressProperty" (ApprenticeshipCertificate, Advanced Standing From, optional on every other class):
   * kept as RECOMMENDED. Later change (CE, 2023-11-13): ConditionProfile description is no longer required.
   */
  static String derivePolicy() throws IOException {
    Path src = Shared.ctdl("policy/policyBrowserData-2022-03.json");
    byte[] bytes = Files.readAllBytes(src);
    assertEquals(POLICY_SHA, Vocabulary.sha256Hex(bytes));
    JsonNode d = M.readTree(bytes);
    StringBuilder sb = new StringBuilder();
    sb.append("# Credential Engine minimum data policy: required and recommended property sets per class.\n");
    sb.append("# Derived from the Registry policy browser data, snapshot 2022-03 (philbarker/CredRegSHACL\n");
    sb.append("# inputData/policyBrowserData.json, sha256 ").append(POLICY_SHA).append(").\n");
    sb.append("# Corrections: duplicated trailing blocks dropped; 'RequiressProperty' read as RECOMMENDED;\n");
    sb.append("# ConditionProfile description RECOMMENDED (optional since 2023-11-13). Edit to update the policy.\n");
    sb.append("class\tlevel\tlabel\tproperties\n");
    for (JsonNode c : d.path("Policy").path("Classes")) {
      String cls = c.path("URI").asText();
      boolean sawLower = false;
      Set<String> seen = new LinkedHashSet<>();
      for (JsonNode ps : c.path("PropertySets")) {
        String lvl = ps.path("ImportanceLevel").asText();
        String level;
        if (lvl.equals("constraintType:RequiresProperty")) {
          if (sawLower) {
            break;
          }
          level = "REQUIRED";
        } else if (lvl.equals("constraintType:RecommendsProperty") || lvl.equals("constraintType:RequiressProperty")) {
          sawLower = true;
          level = "RECOMMENDED";
        } else {
          sawLower = true;
          continue;
        }
        List<String> props = new ArrayList<>();
        ps.path("PropertyURIs").forEach(x -> props.add(x.asText()));
        if (cls.equals("ceterms:ConditionProfile") && props.equals(List.of("ceterms:description"))) {
          level = "RECOMMENDED";
        }
        String label = ps.path("Label").asText();
        if (!seen.add(label + props)) {
          continue;
        }
        sb.append(cls).append('\t').append(level).append('\t').append(label).append('\t')
            .append(String.join(" | ", props)).append('\n');
      }
    }
    return sb.toString();
  }
}
