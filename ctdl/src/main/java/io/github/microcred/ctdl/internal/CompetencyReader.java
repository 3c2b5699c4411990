package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;

/**
 * Reads competencies: {@code ceasn:Competency} nodes, {@code ceterms:CredentialAlignmentObject}s that point at them
 * (or at outside frameworks), and whole {@code ceasn:CompetencyFramework} records.
 */
final class CompetencyReader {
  private final ReadContext ctx;
  private final OrganizationReader orgs;

  CompetencyReader(ReadContext ctx, OrganizationReader orgs) {
    this.ctx = ctx;
    this.orgs = orgs;
  }

  /**
   * A competency a condition targets (an alignment object, a competency node, or an IRI), added to the model.
   *
   * @param v the value of {@code ceterms:targetCompetency}
   */
  void target(JsonNode v) {
    CtdlModel.Competency c = new CtdlModel.Competency();
    JsonNode n = ctx.resolve(v);
    if (n != null && n.isObject() && ctx.at(n).types().contains("ceterms:CredentialAlignmentObject")) {
      alignment(ctx.at(n), c);
    } else if (n != null && n.isObject()) {
      competency(n, c);
    } else if (v.isTextual()) {
      c.uri = v.asText();
    }
    if (c.text == null) {
      c.text = c.uri != null ? c.uri : "";
    }
    ctx.model().competencies.add(c);
  }

  private void alignment(NodeCursor cao, CtdlModel.Competency c) {
    cao.use("@type");
    String target = cao.string("ceterms:targetNode");
    String fw = cao.string("ceterms:framework");
    c.frameworkName = cao.firstText("ceterms:frameworkName");
    Map<String, String> name = cao.text("ceterms:targetNodeName");
    c.text = NodeCursor.first(name);
    if (!name.isEmpty()) {
      c.lang = name.keySet().iterator().next();
    }
    cao.use("ceterms:targetNodeDescription", "ceterms:codedNotation");
    JsonNode comp = target == null ? null : ctx.resolve(JsonNodeFactory.instance.textNode(target));
    if (comp != null && comp.isObject()) {
      competency(comp, c);
    } else {
      c.uri = target;
    }
    JsonNode fwNode = fw == null ? null : ctx.resolve(JsonNodeFactory.instance.textNode(fw));
    if (fwNode != null && fwNode.isObject()) {
      NodeCursor f = ctx.at(fwNode);
      f.use("@type", "@id", "ceterms:ctid", "ceasn:name", "ceasn:description", "ceasn:inLanguage",
          "ceasn:publisher", "ceasn:hasTopChild");
      c.frameworkUri = f.string("ceasn:source");
    } else if (fw != null) {
      c.frameworkUri = fw;
    }
  }

  private void competency(JsonNode comp, CtdlModel.Competency c) {
    NodeCursor n = ctx.at(comp);
    n.use("@type", "@id", "ceasn:isPartOf", "ceasn:isTopChildOf");
    c.ctid = n.ctid();
    Map<String, String> t = n.text("ceasn:competencyText");
    if (!t.isEmpty()) {
      c.text = NodeCursor.first(t);
      c.lang = t.keySet().iterator().next();
    }
    c.uri = n.string("ceasn:exactAlignment");
    c.category = n.firstText("ceasn:competencyCategory");
  }

  /**
   * A competency framework record: its name, description and publisher, and each of its competencies.
   *
   * @param fw the framework node
   */
  void framework(JsonNode fw) {
    NodeCursor f = ctx.at(fw);
    CtdlModel m = ctx.model();
    f.use("@type", "@id", "ceasn:hasTopChild");
    m.ctid = f.ctid();
    m.name = f.text("ceasn:name");
    m.description = f.text("ceasn:description");
    for (JsonNode v : f.all("ceasn:publisher")) {
      m.owner = orgs.reference(v, f.path("ceasn:publisher"));
    }
    String source = f.string("ceasn:source");
    for (JsonNode n : ctx.graph.nodes()) {
      if (ctx.at(n).types().contains("ceasn:Competency")) {
        CtdlModel.Competency c = new CtdlModel.Competency();
        competency(n, c);
        c.frameworkUri = source;
        c.frameworkName = NodeCursor.first(m.name);
        m.competencies.add(c);
      }
    }
  }
}
