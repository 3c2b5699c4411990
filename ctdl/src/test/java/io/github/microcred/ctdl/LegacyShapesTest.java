package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Import of the legacy shapes found in real Registry data (research/ctdl.md §a, §b), on small hand-written records:
 * each shape is read, and named in a warning with its JSON path.
 */
class LegacyShapesTest {
  static final String CTID = "ce-2f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12";
  static final String ORG = "ce-9f1b7c3e-5d4a-4b8e-9c61-0a7d3e5f9b12";

  /** A one-node graph around the given extra properties of the credential. */
  static String graph(String context, String ctid, String extra) {
    return "{\"@context\": \"" + context + "\", \"@graph\": [{"
        + "\"@id\": \"https://credentialengineregistry.org/resources/" + ctid + "\","
        + "\"@type\": \"ceterms:MicroCredential\", \"ceterms:ctid\": \"" + ctid + "\","
        + "\"ceterms:name\": {\"en\": \"Data Literacy\"}" + (extra.isEmpty() ? "" : ", " + extra) + "}]}";
  }

  static String graph(String extra) {
    return graph(Ctdl.CONTEXT, CTID, extra);
  }

  static CtdlImport imp(String json) throws CtdlException {
    return Ctdl.importRecord(json);
  }

  static String warning(CtdlImport i, String path) {
    List<Issue> l = i.warnings().stream().filter(w -> w.path().equals(path)).toList();
    assertEquals(1, l.size(), () -> "expected one warning at " + path + " in " + i.warnings());
    return l.get(0).message();
  }

  static String credits(CtdlImport i) {
    return i.microCredential().orElseThrow().workload().credits().stream()
        .map(c -> c.amount().stripTrailingZeros().toPlainString() + " " + c.unit()).collect(Collectors.joining(", "));
  }

  @Test
  void httpContextIsReadAndNamed() throws CtdlException {
    CtdlImport i = imp(graph("http://credreg.net/ctdl/schema/context/json", CTID, ""));
    assertEquals("Data Literacy", i.microCredential().orElseThrow().title());
    assertTrue(warning(i, "$['@context']").startsWith("legacy http:// context"));
  }

  @Test
  void upperCaseCtidIsNormalisedAndNamed() throws CtdlException {
    CtdlImport i = imp(graph(Ctdl.CONTEXT, CTID.toUpperCase().replace("CE-", "ce-"), ""));
    assertEquals(CTID, i.ctid().orElseThrow());
    assertEquals("https://credentialengineregistry.org/resources/" + CTID, i.microCredential().orElseThrow().id().orElseThrow());
    assertTrue(warning(i, "$['@graph'][0]['ceterms:ctid']").startsWith("upper-case CTID"));
  }

  @Test
  void graphLinkWithUpperCaseCtidIsNormalised() throws CtdlException {
    CtdlImport i = imp(graph("\"ceterms:ownedBy\": [\"https://credentialengineregistry.org/graph/"
        + ORG.toUpperCase().replace("CE-", "ce-") + "\"]"));
    assertEquals("https://credentialengineregistry.org/resources/" + ORG,
        i.microCredential().orElseThrow().awardingBodies().get(0).id().orElseThrow());
    assertTrue(warning(i, "$['@graph'][0]['ceterms:ownedBy']").startsWith("legacy link"));
  }

  static String requiresCredit(String valueProfile) {
    return "\"ceterms:requires\": [{\"@type\": \"ceterms:ConditionProfile\", \"ceterms:creditValue\": ["
        + valueProfile + "]}]";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // credit unit as an alignment object (what the Registry publishes)
      "cao|{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": 3, \"ceterms:creditUnitType\": [{\"@type\": \"ceterms:CredentialAlignmentObject\", \"ceterms:framework\": \"https://credreg.net/ctdl/terms/CreditUnit\", \"ceterms:targetNode\": \"creditUnit:SemesterHour\"}]}|3 US_SEMESTER_HOUR",
      // credit unit as a plain concept: CURIE, bare local name, full IRI
      "curie|{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": 4, \"ceterms:creditUnitType\": \"creditUnit:QuarterHour\"}|4 US_QUARTER_HOUR",
      "bare|{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": 2.5, \"ceterms:creditUnitType\": \"ContinuingEducationUnit\"}|2.5 CEU",
      "iri|{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": 6, \"ceterms:creditUnitType\": [\"https://purl.org/ctdl/vocabs/creditUnit/ClockHour\"]}|6 HOUR",
      // the old value types
      "quantitative|{\"@type\": \"schema:QuantitativeValue\", \"schema:value\": 5, \"schema:unitText\": \"ECTS credits\"}|5 ECTS",
      "creditValue|{\"@type\": \"ceterms:CreditValue\", \"schema:value\": \"10\", \"ceterms:creditUnitType\": {\"@type\": \"ceterms:CredentialAlignmentObject\", \"ceterms:targetNode\": \"creditUnit:SemesterHour\"}}|10 US_SEMESTER_HOUR",
      "schemaValueProfile|{\"@type\": \"schema:ValueProfile\", \"schema:value\": 7, \"ceterms:creditUnitType\": [\"creditUnit:SemesterHour\"]}|7 US_SEMESTER_HOUR",
  })
  void creditShapesAreRead(String shape, String valueProfile, String expected) throws CtdlException {
    CtdlImport i = imp(graph(requiresCredit(valueProfile)));
    assertEquals(expected, credits(i), () -> shape + ": " + i.warnings());
    assertTrue(i.warnings().stream().noneMatch(w -> w.message().startsWith("unmapped")), () -> shape + ": " + i.warnings());
  }

  @Test
  void oldValueTypesAreNamedInWarnings() throws CtdlException {
    CtdlImport i = imp(graph(requiresCredit("{\"@type\": \"schema:QuantitativeValue\", \"schema:value\": 5, "
        + "\"schema:unitText\": \"ECTS\"}")));
    assertEquals("legacy value type schema:QuantitativeValue read as ceterms:ValueProfile",
        warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:creditValue'][0]['@type']"));
  }

  @Test
  void creditValueDirectlyOnACredentialIsReadAndNamed() throws CtdlException {
    CtdlImport i = imp(graph("\"ceterms:creditValue\": [{\"@type\": \"ceterms:ValueProfile\", \"schema:value\": 3, "
        + "\"ceterms:creditUnitType\": \"creditUnit:SemesterHour\"}]"));
    assertEquals("3 US_SEMESTER_HOUR", credits(i));
    assertTrue(warning(i, "$['@graph'][0]['ceterms:creditValue']").startsWith("legacy creditValue directly on a credential"));
  }

  @Test
  void oldCreditHourPropertiesAreRead() throws CtdlException {
    CtdlImport i = imp(graph("\"ceterms:requires\": [{\"@type\": \"ceterms:ConditionProfile\", "
        + "\"ceterms:creditHourValue\": 3, \"ceterms:creditHourType\": \"Semester Hours\"}]"));
    assertEquals("3 US_SEMESTER_HOUR", credits(i));
    assertTrue(warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:creditHourValue']").startsWith("legacy creditHourValue"));
  }

  @Test
  void envelopeWithOnlyTheSignedResourceIsRead() throws CtdlException {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    String jwt = b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(graph("").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    CtdlImport i = imp("{\"envelope_type\": \"resource_data\", \"envelope_version\": \"1.0.0\", \"resource\": \""
        + jwt + "\", \"resource_format\": \"json\", \"resource_encoding\": \"jwt\"}");
    assertEquals(CTID, i.ctid().orElseThrow());
    assertEquals("Data Literacy", i.name().orElseThrow());
  }

  @Test
  void singleResourceWithInlineContextIsRead() throws CtdlException {
    CtdlImport i = imp("{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@id\": "
        + "\"https://credentialengineregistry.org/resources/" + CTID + "\", \"@type\": \"ceterms:DigitalBadge\", "
        + "\"ceterms:ctid\": \"" + CTID + "\", \"ceterms:name\": {\"en-US\": \"Badge\"}}");
    assertEquals("ceterms:DigitalBadge", i.ctdlType());
    assertEquals("Badge", i.microCredential().orElseThrow().title());
  }

  @Test
  void unmappedPropertiesAreWarnedWithTheirPaths() throws CtdlException {
    CtdlImport i = imp(graph("\"ceterms:keyword\": {\"en\": [\"data\"]}, \"ceterms:estimatedCost\": [{\"@type\": "
        + "\"ceterms:CostProfile\", \"ceterms:price\": 10}], \"ceterms:requires\": [{\"@type\": \"ceterms:ConditionProfile\", "
        + "\"ceterms:description\": {\"en\": \"Complete the capstone.\"}, \"ceterms:minimumAge\": 18}]")
        .replace("{\"en\": \"Data Literacy\"}", "{\"en\": \"Data Literacy\", \"de\": \"Datenkompetenz\"}"));
    warning(i, "$['@graph'][0]['ceterms:keyword']");
    warning(i, "$['@graph'][0]['ceterms:estimatedCost']");
    warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:description']");
    warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:minimumAge']");
    assertTrue(warning(i, "$['@graph'][0]['ceterms:name']").contains("de"));
  }

  @Test
  void extraTextsInLanguageMapsAreWarned() throws CtdlException {
    CtdlImport i = imp(graph("\"ceterms:description\": {\"en\": [\"First.\", \"Second.\"]}, "
        + "\"ceterms:requires\": [{\"@type\": \"ceterms:ConditionProfile\", "
        + "\"ceterms:condition\": {\"en\": [\"Be 18\"], \"fr\": [\"Avoir 18 ans\"]}}]"));
    assertEquals("First.", i.microCredential().orElseThrow().shortDescription().orElseThrow());
    assertEquals(List.of("Be 18"), i.microCredential().orElseThrow().prerequisites());
    assertTrue(warning(i, "$['@graph'][0]['ceterms:description']['en']").contains("first of 2"));
    assertTrue(warning(i, "$['@graph'][0]['ceterms:requires'][0]['ceterms:condition']").contains("fr"));
  }
}
