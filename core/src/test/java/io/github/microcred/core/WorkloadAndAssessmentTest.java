package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Workload} and {@link Assessment} are the JSON's {@code workload} and {@code assessment} objects: the model,
 * the JSON and the validator's paths name the same groups.
 */
class WorkloadAndAssessmentTest {
  private static final CreditValue FIVE_ECTS = CreditValue.of(5, CreditUnit.ECTS);

  @Test
  void theGroupsAreTheJsonsObjects() throws Exception {
    MicroCredential mc = MicroCredential.builder("Grouped")
        .workload(Workload.ofHours(125).withCredit(FIVE_ECTS))
        .assessment(Assessment.of(AssessmentType.PROJECT).withType(AssessmentType.EXAMINATION)
            .withDescription("A project and an examination").withComplexity(AssessmentComplexity.values()[0]))
        .build();
    String json = mc.toJson().toPrettyString();
    JsonNode tree = new ObjectMapper().readTree(json);
    assertEquals("{\"hours\":125,\"credits\":[{\"amount\":5,\"unit\":\"ECTS\"}]}", tree.get("workload").toString());
    assertEquals("[\"PROJECT\",\"EXAMINATION\"]", tree.get("assessment").get("types").toString());
    assertEquals("A project and an examination", tree.get("assessment").get("description").asText());
    MicroCredential back = MicroCredential.fromJson(json);
    assertEquals(mc, back);
    assertEquals(mc.workload(), back.workload());
    assertEquals(List.of(AssessmentType.PROJECT, AssessmentType.EXAMINATION), back.assessment().types());
    assertEquals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE), back.kind());
  }

  @Test
  void validationPathsNameTheGroups() {
    ValidationReport r = MicroCredentialValidator.validate(MicroCredential.builder("Empty").build());
    assertTrue(r.has(CoreIssueCode.MISSING_WORKLOAD) && r.issues().stream()
        .anyMatch(i -> i.code() == CoreIssueCode.MISSING_WORKLOAD && i.path().equals("$.workload")), r.summary());
    assertTrue(r.issues().stream().anyMatch(i -> i.code() == CoreIssueCode.MISSING_ASSESSMENT_TYPE
        && i.path().equals("$.assessment.types")), r.summary());
    ValidationReport twice = MicroCredentialValidator.validate(MicroCredential.builder("Twice")
        .workload(Workload.ofCredits(FIVE_ECTS, CreditValue.of(2, CreditUnit.ECTS))).build());
    assertTrue(twice.issues().stream().anyMatch(i -> i.code() == CoreIssueCode.DUPLICATE_CREDIT_UNIT
        && i.path().equals("$.workload.credits[1].unit")), twice.summary());
  }

  @Test
  void valuesAreImmutableNormalisedAndChecked() {
    Workload w = Workload.ofHours(new BigDecimal("25.00"));
    assertEquals(Workload.ofHours(25), w, "hours are normalised");
    Workload more = w.withCredit(FIVE_ECTS);
    assertNotEquals(w, more);
    assertTrue(w.credits().isEmpty(), "withCredit copies");
    assertEquals(Optional.empty(), more.withHours(null).hours());
    assertTrue(Workload.NONE.isEmpty() && !more.isEmpty() && Assessment.NONE.isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Workload.ofHours(-1));
    assertThrows(NullPointerException.class, () -> Workload.ofCredits((CreditValue) null));
    assertThrows(UnsupportedOperationException.class, () -> more.credits().add(FIVE_ECTS));
    Assessment a = Assessment.of(AssessmentType.PORTFOLIO).withDescription("d");
    assertEquals(Optional.empty(), a.withDescription(null).description());
    assertEquals(List.of(AssessmentType.OTHER), a.withTypes(List.of(AssessmentType.OTHER)).types());
    // a null group clears it, as a null single value does
    MicroCredential m = MicroCredential.builder("t").workload(w).assessment(a).build().toBuilder()
        .workload(null).assessment(null).build();
    assertEquals(Workload.NONE, m.workload());
    assertEquals(Assessment.NONE, m.assessment());
  }
}
