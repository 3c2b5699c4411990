package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads {@code ceterms:CredentialOrganization} / {@code QACredentialOrganization} nodes, and links to organizations
 * that the record does not describe. One organization per node, however often it is linked.
 */
final class OrganizationReader {
  private final ReadContext ctx;
  private final Map<JsonNode, CtdlModel.Org> read = new IdentityHashMap<>();

  OrganizationReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /**
   * An organization node.
   *
   * @param n the node
   * @return the organization (the same object for the same node)
   */
  CtdlModel.Org read(JsonNode n) {
    CtdlModel.Org cached = read.get(n);
    if (cached != null) {
      return cached;
    }
    CtdlModel.Org o = new CtdlModel.Org();
    read.put(n, o);
    NodeCursor c = ctx.at(n);
    c.use("@type", "@id");
    o.qa = c.types().contains("ceterms:QACredentialOrganization");
    o.ctid = c.ctid();
    String id = n.path("@id").asText(null);
    o.id = id != null && !id.startsWith("_:") ? GraphIndex.normIri(id) : null;
    o.name = c.text("ceterms:name");
    o.description = c.text("ceterms:description");
    o.webpage = c.string("ceterms:subjectWebpage");
    o.email = c.string("ceterms:email");
    o.sameAs = c.string("ceterms:sameAs");
    for (JsonNode a : c.all("ceterms:address")) {
      if (a.isObject()) {
        NodeCursor address = ctx.at(a);
        address.use("@type");
        if (o.country == null) {
          o.country = address.firstText("ceterms:addressCountry");
          o.region = address.firstText("ceterms:addressRegion");
        }
      }
    }
    return o;
  }

  /**
   * A value that names an organization: an embedded or linked node, else a reference kept by its IRI and CTID.
   *
   * @param v the value
   * @param path where it was read
   * @return the organization
   */
  CtdlModel.Org reference(JsonNode v, String path) {
    JsonNode n = ctx.resolve(v);
    if (n != null && n.isObject() && n.has("@type")) {
      return read(n);
    }
    CtdlModel.Org o = new CtdlModel.Org();
    String iri = v.isObject() ? v.path("@id").asText() : v.asText();
    if (iri.isBlank()) {
      ctx.warn(path, CtdlProblemCode.PARTLY_MAPPED, "organization reference without an @id: only kept as an unnamed organization");
      if (v.isObject()) {
        ctx.markRead(v, "@id");
      }
      return o;
    }
    o.id = ctx.refIri(iri, path);
    o.ctid = Ctids.atEnd(o.id).orElse(null);
    return o;
  }
}
