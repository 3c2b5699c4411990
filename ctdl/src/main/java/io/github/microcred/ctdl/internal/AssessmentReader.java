package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads a {@code ceterms:AssessmentProfile}: description, methods, delivery and whether it is proctored. */
final class AssessmentReader {
  private final ReadContext ctx;

  AssessmentReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Reads an assessment profile node.
   *
   * @param a the node
   * @return the assessment
   */
  CtdlModel.Assessment read(JsonNode a) {
    NodeCursor c = ctx.at(a);
    CtdlModel.Assessment x = new CtdlModel.Assessment();
    c.use("@type", "@id", "ceterms:name", "ceterms:inLanguage", "ceterms:subjectWebpage",
        "ceterms:availableOnlineAt", "ceterms:ownedBy");
    x.ctid = c.ctid();
    x.description = c.firstText("ceterms:description");
    x.methods.addAll(c.concepts("ceterms:assessmentMethodType"));
    x.methodDescription = c.firstText("ceterms:assessmentMethodDescription");
    List<String> d = c.concepts("ceterms:deliveryType");
    x.delivery = d.isEmpty() ? null : d.get(0);
    JsonNode p = c.get("ceterms:isProctored");
    if (p != null) {
      x.proctored = p.asBoolean();
    }
    return x;
  }
}
