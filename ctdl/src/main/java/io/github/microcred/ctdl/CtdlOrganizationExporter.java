package io.github.microcred.ctdl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Organization;
import io.github.microcred.ctdl.internal.CtdlWriter;
import io.github.microcred.ctdl.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configured, immutable exporter of a core {@link Organization} as a Credential Registry record: a
 * {@code ceterms:CredentialOrganization} (a {@code ceterms:QACredentialOrganization} for a
 * {@link Organization.Role#QA_BODY}), which the Registry needs before any credential it owns. Obtain one with
 * {@link Ctdl#organizationExporter()}.
 *
 * <p>From the core model: name, CTID (the one in the id, else {@code ce-} + a UUID derived from SHA-256 of the id or
 * name, so exports are reproducible), the id as {@code ceterms:sameAs} when it is a URI, web page
 * ({@code subjectWebpage}), e-mail and country ({@code address}). Credential Engine's minimum-data policy also
 * requires a description, an agent type and an agent sector, which the core model does not hold: give them here.
 * Nothing is made up: without them {@link CtdlGraph#validate()} reports each as {@code MISSING_REQUIRED}.
 *
 * <pre>{@code
 * CtdlGraph g = Ctdl.organizationExporter().withDescription("A public technological university.")
 *     .withAgentType("orgType:Postsecondary").withAgentSectorType("agentSector:Public").export(org);
 * g.validate().valid();
 * }</pre>
 */
public final class CtdlOrganizationExporter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Pattern CTID = Pattern.compile("(?i)(ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private final String description;
  private final List<String> agentTypes;
  private final String agentSector;

  CtdlOrganizationExporter(String description, List<String> agentTypes, String agentSector) {
    this.description = description;
    this.agentTypes = List.copyOf(agentTypes);
    this.agentSector = agentSector;
  }

  /**
   * Sets the organization's description ({@code ceterms:description}, English).
   *
   * @param text the description
   * @return a new exporter
   * @throws CtdlException {@link CtdlErrorCode#INVALID_ARGUMENT} when blank
   */
  public CtdlOrganizationExporter withDescription(String text) throws CtdlException {
    if (Objects.requireNonNull(text, "text").isBlank()) {
      throw new CtdlException(CtdlErrorCode.INVALID_ARGUMENT, "description: expected a non-blank text");
    }
    return new CtdlOrganizationExporter(text.strip(), agentTypes, agentSector);
  }

  /**
   * Sets the organization's types ({@code ceterms:agentType}), concepts of CTDL's {@code ceterms:OrganizationType}
   * scheme.
   *
   * @param concepts e.g. {@code orgType:Postsecondary}, {@code orgType:QualityAssurance}
   * @return a new exporter
   * @throws CtdlException {@link CtdlErrorCode#INVALID_ARGUMENT} naming a value that is not such a concept
   */
  public CtdlOrganizationExporter withAgentType(String... concepts) throws CtdlException {
    List<String> all = new ArrayList<>();
    for (String c : concepts) {
      all.add(concept(c, "ceterms:OrganizationType", "orgType:", "agent type"));
    }
    return new CtdlOrganizationExporter(description, all, agentSector);
  }

  /**
   * Sets the organization's sector ({@code ceterms:agentSectorType}), a concept of CTDL's
   * {@code ceterms:AgentSector} scheme.
   *
   * @param concept e.g. {@code agentSector:Public}, {@code agentSector:PrivateNonProfit}
   * @return a new exporter
   * @throws CtdlException {@link CtdlErrorCode#INVALID_ARGUMENT} when it is not such a concept
   */
  public CtdlOrganizationExporter withAgentSectorType(String concept) throws CtdlException {
    return new CtdlOrganizationExporter(description, agentTypes,
        concept(concept, "ceterms:AgentSector", "agentSector:", "agent sector"));
  }

  private static String concept(String value, String scheme, String prefix, String what) throws CtdlException {
    Vocabulary v = Vocabulary.defaults();
    String c = v.compact(Objects.requireNonNull(value, what));
    if (!v.schemesOf(c).contains(scheme)) {
      throw new CtdlException(CtdlErrorCode.INVALID_ARGUMENT, what + ": '" + value + "' is not a concept of "
          + scheme + " (e.g. " + v.conceptsOf(scheme).stream().sorted().limit(3).toList() + ")");
    }
    return c;
  }

  /**
   * Exports an organization as a Registry-ready CTDL graph with one resource.
   *
   * @param o the organization
   * @return the graph
   */
  public CtdlGraph export(Organization o) {
    Objects.requireNonNull(o, "o");
    String ctid = o.id().map(CTID::matcher).filter(Matcher::find).map(m -> m.group(1).toLowerCase(Locale.ROOT))
        .orElseGet(() -> CtdlWriter.ctid("organization#" + o.id().orElse(o.name())));
    boolean qa = o.roles().contains(Organization.Role.QA_BODY);
    ObjectNode doc = F.objectNode();
    doc.put("@context", Ctdl.CONTEXT);
    doc.put("@id", CtdlWriter.GRAPH + ctid);
    ObjectNode n = doc.putArray("@graph").addObject();
    n.put("@id", CtdlWriter.RESOURCES + ctid);
    n.put("@type", qa ? "ceterms:QACredentialOrganization" : "ceterms:CredentialOrganization");
    n.put("ceterms:ctid", ctid);
    n.putObject("ceterms:name").put("en", o.name());
    if (description != null) {
      n.putObject("ceterms:description").put("en", description);
    }
    o.url().ifPresent(u -> n.put("ceterms:subjectWebpage", u));
    o.email().ifPresent(e -> n.putArray("ceterms:email").add(e));
    o.country().ifPresent(c -> n.putArray("ceterms:address").addObject().put("@type", "ceterms:Place")
        .putObject("ceterms:addressCountry").put("en", c));
    o.id().filter(id -> !CTID.matcher(id).find() && id.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$"))
        .ifPresent(id -> n.putArray("ceterms:sameAs").add(id));
    Vocabulary v = Vocabulary.defaults();
    if (!agentTypes.isEmpty()) {
      ArrayNode a = n.putArray("ceterms:agentType");
      agentTypes.forEach(t -> a.add(cao("https://credreg.net/ctdl/terms/OrganizationType", t, v.conceptLabel(t))));
    }
    if (agentSector != null) {
      n.putArray("ceterms:agentSectorType").add(cao("https://credreg.net/ctdl/terms/AgentSector", agentSector,
          v.conceptLabel(agentSector)));
    }
    return new CtdlGraph(doc, ctid);
  }

  private static ObjectNode cao(String framework, String node, String label) {
    ObjectNode c = F.objectNode();
    c.put("@type", "ceterms:CredentialAlignmentObject");
    c.put("ceterms:framework", framework);
    c.put("ceterms:targetNode", node);
    if (label != null) {
      c.putObject("ceterms:targetNodeName").put("en", label);
    }
    return c;
  }
}
