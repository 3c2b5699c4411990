package io.github.microcred.elm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.core.Award;
import io.github.microcred.core.MicroCredential;
import org.junit.jupiter.api.Test;

/** The README's elm block, run (cli's ReadmeQuickStartTest checks that the README shows this region word for word). */
class ReadmeExampleTest {
  @Test
  void theReadmeExampleRuns() throws ElmException {
    MicroCredential microCredential = Fixtures.microCredential();
    Award award = Fixtures.award();
    // region elm
    ElmCredential edc = Elm.export(microCredential, award);       // or Elm.exporter().withLanguage("ga")...
    edc.warnings();                                               // microcred concepts written, fields not carried
    ElmImport back = Elm.importCredential(edc.toJson());          // MicroCredential, Optional<Award>, warnings
    ElmReport annexI = Elm.check(edc.toJson());                   // MISSING_MANDATORY, MISSING_OPTIONAL, ...
    // endregion
    assertFalse(edc.warnings().isEmpty());
    assertEquals(microCredential.title(), back.microCredential().title());
    assertTrue(annexI.valid(), annexI.toString());
    assertTrue(annexI.problems(ElmProblemCode.MISSING_OPTIONAL).isEmpty(), annexI.toString());
  }
}
