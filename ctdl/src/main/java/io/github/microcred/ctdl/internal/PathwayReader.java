package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a {@code ceterms:Pathway}: its destination component's {@code ceterms:ComponentCondition} (how many
 * components are required) and each other component, by the credential it stands for ({@code ceterms:proxyFor}).
 */
final class PathwayReader {
  private final ReadContext ctx;
  private final OrganizationReader orgs;

  PathwayReader(ReadContext ctx, OrganizationReader orgs) {
    this.ctx = ctx;
    this.orgs = orgs;
  }

  /**
   * Reads a pathway into the model.
   *
   * @param pw the pathway node
   * @param primary whether the pathway is the record's main resource (its name, description and owner are then the
   *     model's)
   */
  void read(JsonNode pw, boolean primary) {
    NodeCursor c = ctx.at(pw);
    CtdlModel m = ctx.model();
    c.use("@type", "@id", "ceterms:hasPart", "ceterms:hasDestinationComponent");
    CtdlModel.Pathway p = new CtdlModel.Pathway();
    p.ctid = c.ctid();
    p.name = c.text("ceterms:name");
    if (primary) {
      m.ctid = p.ctid;
      m.name = p.name;
      m.description = c.text("ceterms:description");
      m.subjectWebpage = c.string("ceterms:subjectWebpage");
      for (JsonNode v : c.all("ceterms:ownedBy")) {
        m.owner = orgs.reference(v, c.path("ceterms:ownedBy"));
      }
    } else {
      c.use("ceterms:description", "ceterms:subjectWebpage", "ceterms:ownedBy");
    }
    Set<String> dest = new LinkedHashSet<>();
    for (JsonNode v : c.peekAll("ceterms:hasDestinationComponent")) {
      dest.add(GraphIndex.normIri(v.asText()));
    }
    for (JsonNode n : ctx.graph.nodes()) {
      if (n == pw) {
        continue;
      }
      NodeCursor k = ctx.at(n);
      boolean component = k.types().stream().anyMatch(t -> t.endsWith("Component"));
      if (!component) {
        continue;
      }
      if (dest.contains(GraphIndex.normIri(n.path("@id").asText("")))) {
        destination(k, p);
      } else {
        p.components.add(component(k));
      }
    }
    m.pathway = p;
  }

  private void destination(NodeCursor k, CtdlModel.Pathway p) {
    k.use("@type", "@id", "ceterms:ctid", "ceterms:name", "ceterms:isPartOf", "ceterms:credentialType",
        "ceterms:proxyFor");
    for (JsonNode cond : k.all("ceterms:hasCondition")) {
      if (cond.isObject() && p.requiredNumber == 0) {
        NodeCursor cc = ctx.at(cond);
        cc.use("@type", "ceterms:name", "ceterms:description", "ceterms:targetComponent");
        BigDecimal rn = CreditReader.number(cc.get("ceterms:requiredNumber"));
        p.requiredNumber = rn == null || !CreditReader.inRange(rn) ? 0 : rn.intValue();
      }
    }
  }

  private CtdlModel.Ref component(NodeCursor k) {
    k.use("@type", "@id", "ceterms:isPartOf", "ceterms:credentialType");
    CtdlModel.Ref ref = new CtdlModel.Ref();
    ref.name = k.firstText("ceterms:name");
    ref.ctid = k.ctid();
    String proxy = k.string("ceterms:proxyFor");
    if (proxy != null) {
      ref.uri = ctx.refIri(proxy, k.path("ceterms:proxyFor"));
      ref.ctid = Ctids.atEnd(ref.uri).orElse(ref.ctid);
    }
    return ref;
  }
}
