package io.github.microcred.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LevelAndKindTest {

  @Test
  void levelsAreRangeChecked() {
    assertThrows(IllegalArgumentException.class, () -> Level.eqf(9));
    assertThrows(IllegalArgumentException.class, () -> Level.eqf(0));
    assertThrows(IllegalArgumentException.class, () -> Level.isced(9));
    assertEquals("NZQCF 7", Level.national("NZQCF", "7").toString());
  }

  @Test
  void degreeLevelAlignment() {
    assertEquals(Optional.of(EquivalentLevel.BACHELOR), Level.eqf(6).equivalentLevel());
    assertEquals(Optional.of(EquivalentLevel.BACHELOR), Level.isced(6).equivalentLevel());
    assertEquals(Optional.of(EquivalentLevel.NOT_AT_DEGREE_LEVEL), Level.eqf(4).equivalentLevel());
    assertEquals(Optional.of(EquivalentLevel.DOCTORATE), Level.eqf(8).equivalentLevel());
    assertEquals(Level.eqf(7), EquivalentLevel.MASTER.eqf());
    assertEquals(Level.isced(5), EquivalentLevel.SUB_DEGREE.isced());
    assertEquals(Optional.empty(), Level.national("AQF", "7").equivalentLevel());
  }

  @Test
  void kindBands() {
    assertEquals(Optional.empty(), Kind.fromHours(new BigDecimal("3.5")));
    assertEquals(Optional.of(Kind.SKILL_CREDENTIAL), Kind.fromHours(BigDecimal.valueOf(4)));
    assertEquals(Optional.of(Kind.SKILL_CREDENTIAL), Kind.fromHours(BigDecimal.valueOf(12)));
    assertEquals(Optional.empty(), Kind.fromHours(BigDecimal.valueOf(20)));
    assertEquals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE), Kind.fromHours(BigDecimal.valueOf(25)));
    assertEquals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE), Kind.fromHours(BigDecimal.valueOf(150)));
    assertEquals(Optional.of(Kind.SHORT_LEARNING_PROGRAMME), Kind.fromHours(new BigDecimal("150.5")));
    assertEquals(Optional.of(Kind.SHORT_LEARNING_PROGRAMME), Kind.fromHours(BigDecimal.valueOf(1500)));
    assertEquals(Optional.empty(), Kind.fromHours(BigDecimal.valueOf(1501)));
    MicroCredential m = MicroCredential.builder("x").workload(Workload.ofHours(60)).build();
    assertEquals(Optional.of(Kind.MICRO_CREDENTIAL_MODULE), m.kind());
    assertEquals(Optional.of(Kind.SKILL_CREDENTIAL), m.toBuilder().kindOverride(Kind.SKILL_CREDENTIAL).build().kind());
  }
}
