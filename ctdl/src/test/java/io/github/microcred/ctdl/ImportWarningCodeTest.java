package io.github.microcred.ctdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Import warnings are {@link Issue}s with an {@link CtdlProblemCode.Category#IMPORT} code that says what happened. */
class ImportWarningCodeTest {

  static Issue only(CtdlImport i, String path) {
    List<Issue> l = i.warnings().stream().filter(w -> w.path().equals(path)).toList();
    assertEquals(1, l.size(), () -> "expected one warning at " + path + " in " + i.warnings());
    Issue w = l.get(0);
    assertEquals(Severity.WARNING, w.severity(), w::toString);
    assertEquals(CtdlProblemCode.Category.IMPORT, CtdlProblemCode.of(w).category(), w::toString);
    return w;
  }

  @Test
  void legacyShapesAreLegacyShape() throws CtdlException {
    CtdlImport http = Ctdl.importRecord(LegacyShapesTest.graph("http://credreg.net/ctdl/schema/context/json",
        LegacyShapesTest.CTID, ""));
    assertEquals(CtdlProblemCode.LEGACY_SHAPE, only(http, "$['@context']").code());
    CtdlImport upper = Ctdl.importRecord(LegacyShapesTest.graph(Ctdl.CONTEXT,
        LegacyShapesTest.CTID.toUpperCase().replace("CE-", "ce-"), ""));
    assertEquals(CtdlProblemCode.LEGACY_SHAPE, only(upper, "$['@graph'][0]['ceterms:ctid']").code());
  }

  @Test
  void valuesWithoutACorePlaceAreNotMapped() throws CtdlException {
    CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph("\"ceterms:fooBar\": \"x\""));
    Issue w = only(i, "$['@graph'][0]['ceterms:fooBar']");
    assertEquals(CtdlProblemCode.NOT_MAPPED, w.code());
  }

  @Test
  void textsInOtherLanguagesArePartlyMapped() throws CtdlException {
    CtdlImport i = Ctdl.importRecord(LegacyShapesTest.graph(Ctdl.CONTEXT, LegacyShapesTest.CTID, "")
        .replace("{\"en\": \"Data Literacy\"}", "{\"en\": \"Data Literacy\", \"de\": \"Datenkompetenz\"}"));
    assertFalse(i.warnings().isEmpty());
    assertEquals(CtdlProblemCode.PARTLY_MAPPED, only(i, "$['@graph'][0]['ceterms:name']").code());
  }
}
