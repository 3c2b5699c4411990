package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ELM learning setting and ISCED-F fields of education: built, validated, written and read as JSON. */
class LearningSettingAndFieldsTest {

  @Test
  void theyRoundTripThroughJsonUnderTheirOwnKeys() throws Exception {
    MicroCredential m = MicroCredential.builder("Digital micro-credential creation")
        .learningSetting(LearningSetting.NON_FORMAL)
        .fieldOfEducation(FieldOfEducation.isced("003"), FieldOfEducation.isced("0688"))
        .build();
    String json = m.toJson().toPrettyString();
    JsonNode tree = m.toJson();
    assertEquals("NON_FORMAL", tree.get("learningSetting").asText(), json);
    assertEquals("[\"003\",\"0688\"]", tree.get("fieldsOfEducation").toString(), json);
    MicroCredential back = MicroCredential.fromJson(json);
    assertEquals(m, back);
    assertEquals(Optional.of(LearningSetting.NON_FORMAL), back.learningSetting());
    assertEquals(List.of(new FieldOfEducation("003"), new FieldOfEducation("0688")), back.fieldsOfEducation());
    assertEquals(m, m.toBuilder().build());
    assertEquals(MicroCredential.builder("x").build(), MicroCredential.builder("x")
        .learningSetting(LearningSetting.FORMAL).learningSetting(null).fieldOfEducation(FieldOfEducation.isced("06"))
        .fieldsOfEducation(List.of()).build());
  }

  @Test
  void onlyIscedFCodesAreFieldsOfEducation() {
    for (String ok : List.of("00", "06", "10", "99", "061", "0613", "0031", "1041", "0000", "9999")) {
      assertEquals(ok, FieldOfEducation.isced(ok).code());
    }
    assertEquals(FieldOfEducation.isced("06"), FieldOfEducation.isced("0613").broad());
    for (String bad : List.of("", "6", "11", "98", "0618", "0620", "12345", "06a", " 06", "٠٦", "0613\n")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldOfEducation.isced(bad));
      assertTrue(e.getMessage().contains("ISCED-F 2013"), e.getMessage());
    }
    assertThrows(NullPointerException.class, () -> MicroCredential.builder("x").fieldOfEducation((FieldOfEducation) null));
  }

  @Test
  void badValuesInJsonAreNamedAtTheirPath() {
    CoreException e = assertThrows(CoreException.class, () -> MicroCredential.fromJson(
        "{\"title\":\"t\",\"learningSetting\":\"INFORMAL\",\"fieldsOfEducation\":[\"0613\",\"6130\",7]}"));
    String m = e.getMessage();
    assertTrue(m.contains("$.learningSetting") && m.contains("FORMAL, NON_FORMAL"), m);
    assertTrue(m.contains("$.fieldsOfEducation[1]") && m.contains("'6130'"), m);
    assertTrue(m.contains("$.fieldsOfEducation[2]") && m.contains("expected a string"), m);
    ValidationReport r = MicroCredentialValidator.validate(
        "{\"title\":\"t\",\"fieldsOfEducation\":[\"6130\"]}");
    assertTrue(r.has(CoreIssueCode.INVALID_FIELD_OF_EDUCATION), r.toString());
  }
}
