package io.github.microcred.ctdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Organization;
import io.github.microcred.ctdl.internal.AchievementTypes;
import io.github.microcred.ctdl.internal.CoreMapping;
import io.github.microcred.ctdl.internal.CtdlModel;
import io.github.microcred.ctdl.internal.CtdlReader;
import io.github.microcred.ctdl.internal.Json;
import io.github.microcred.ctdl.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The front door of the ctdl module: Credential Engine's Credential Transparency Description Language.
 *
 * <ul>
 *   <li>{@link #validate(String)}: offline validation against the pinned CTDL / CTDL-ASN schema and the minimum-data
 *       policy, reporting every problem with its JSON path;</li>
 *   <li>{@link #export(MicroCredential)}: a micro-credential as a Registry-ready graph;</li>
 *   <li>{@link #importRecord(String)}: a Registry graph, envelope or resource back into the core model, with a
 *       warning (and JSON path) for everything that did not map;</li>
 *   <li>{@link #classForAchievementType(String)} and {@link #ob3Alignment(CtdlGraph, String)}: the Open Badges 3.0
 *       bridge.</li>
 * </ul>
 */
public final class Ctdl {
  /** The CTDL JSON-LD context that exported graphs use. */
  public static final String CONTEXT = "https://credreg.net/ctdl/schema/context/json";

  private Ctdl() {}

  /**
   * A validator with the shipped schema and policy; configure it with {@code with...} methods.
   *
   * @return the validator
   */
  public static CtdlValidator validator() {
    return CtdlValidator.defaults();
  }

  /**
   * Validates a CTDL document (graph, envelope, node list or single resource) offline.
   *
   * @param json the JSON text
   * @return the report of all problems
   */
  public static CtdlReport validate(String json) {
    return validator().validate(json);
  }

  /**
   * Validates a parsed CTDL document offline.
   *
   * @param document the JSON tree
   * @return the report of all problems
   */
  public static CtdlReport validate(JsonNode document) {
    return validator().validate(document);
  }

  /**
   * An exporter with the defaults (class chosen from the kind, no pathway).
   *
   * @return the exporter
   */
  public static CtdlExporter exporter() {
    return new CtdlExporter(null, 0, List.of());
  }

  /**
   * Exports a micro-credential as a CTDL graph: the credential (class from its kind, never the abstract
   * {@code ceterms:Credential}), its awarding bodies, competency framework, assessment profile and QA bodies.
   *
   * @param microCredential the micro-credential
   * @return the graph
   */
  public static CtdlGraph export(MicroCredential microCredential) {
    return exporter().export(microCredential);
  }

  /**
   * An organization exporter without description, agent type or sector (see {@link CtdlOrganizationExporter}).
   *
   * @return the exporter
   */
  public static CtdlOrganizationExporter organizationExporter() {
    return new CtdlOrganizationExporter(null, List.of(), null);
  }

  /**
   * Exports an organization as a Registry record with {@link #organizationExporter()}; validate it with
   * {@link CtdlGraph#validate()} (the minimum-data policy requires data the core model does not hold: a description,
   * an agent type and sector, which the exporter's {@code with...} methods give).
   *
   * @param organization the organization
   * @return the graph
   */
  public static CtdlGraph export(Organization organization) {
    return organizationExporter().export(organization);
  }

  /**
   * Imports a CTDL record: a graph, a Registry envelope, an array of nodes, a single resource, or a Registry
   * Assistant request. Legacy shapes are accepted and reported as warnings.
   *
   * @param json the record (a UTF-8 byte order mark is tolerated)
   * @return the core model and the warnings
   * @throws CtdlException {@link CtdlErrorCode#INVALID_RECORD} when the text is not JSON (with line and column) or
   *     holds no resource
   */
  public static CtdlImport importRecord(String json) throws CtdlException {
    Objects.requireNonNull(json, "json");
    try {
      return importRecord(Json.parse(json));
    } catch (JsonProcessingException e) {
      throw new CtdlException(CtdlErrorCode.INVALID_RECORD, Json.describe(e), e);
    }
  }

  /**
   * Imports a parsed CTDL record; see {@link #importRecord(String)}.
   *
   * @param record the JSON tree
   * @return the core model and the warnings
   * @throws CtdlException {@link CtdlErrorCode#INVALID_RECORD} when it holds no resource, or is nested deeper than
   *     256 levels (the message names the path)
   */
  public static CtdlImport importRecord(JsonNode record) throws CtdlException {
    Objects.requireNonNull(record, "record");
    String deep = Json.tooDeep(record);
    if (deep != null) {
      throw new CtdlException(CtdlErrorCode.INVALID_RECORD, Json.tooDeepMessage(deep));
    }
    CtdlReader.Result r;
    try {
      r = CtdlReader.read(record);
    } catch (IllegalArgumentException e) {
      throw new CtdlException(CtdlErrorCode.INVALID_RECORD, e.getMessage(), e);
    }
    List<CtdlReader.Warning> w = new ArrayList<>(r.warnings);
    MicroCredential mc = null;
    Organization org = null;
    switch (r.kind) {
      case ORGANIZATION -> {
        org = CoreMapping.org(r.organization, r.organization.qa ? Organization.Role.QA_BODY
            : Organization.Role.ISSUER);
        if (!r.organization.description.isEmpty()) {
          w.add(new CtdlReader.Warning("$", CtdlProblemCode.NOT_MAPPED, "the organization's ceterms:description is not mapped: the core "
              + "Organization has no description"));
        }
      }
      case OTHER -> { }
      default -> {
        try {
          mc = CoreMapping.toCore(r.model, w);
        } catch (RuntimeException e) {
          w.add(new CtdlReader.Warning("$", CtdlProblemCode.NOT_MAPPED, "not representable as a core micro-credential: " + e.getMessage()));
        }
      }
    }
    List<Issue> warnings = new ArrayList<>();
    for (CtdlReader.Warning x : w) {
      warnings.add(x.toIssue());
    }
    String name = CoreMapping.preferred(r.model.name);
    CtdlModel m = r.model;
    String duration = m.exactDuration != null ? m.exactDuration
        : m.minDuration != null || m.maxDuration != null
            ? (m.minDuration == null ? "" : m.minDuration) + ".." + (m.maxDuration == null ? "" : m.maxDuration)
            : null;
    return new CtdlImport(r.primaryType == null ? "" : r.primaryType, m.ctid, name, mc, org, duration, warnings);
  }

  /**
   * The CTDL credential class for an Open Badges 3.0 {@code achievementType}, as Credential Engine's
   * Open-Badge-Publisher maps it (types without a CTDL credential class, and the abstract {@code Degree}, become
   * {@code ceterms:OpenBadge}). Extension values ({@code ext:...}) and unknown values also give
   * {@code ceterms:OpenBadge}.
   *
   * @param achievementType the OB3 value, e.g. {@code MicroCredential}
   * @return the class CURIE
   */
  public static String classForAchievementType(String achievementType) {
    return AchievementTypes.classFor(Objects.requireNonNull(achievementType, "achievementType"));
  }

  /**
   * The Open Badges 3.0 {@code achievementType} for a CTDL credential class: the OB3 value whose CTDL class
   * (as {@link #classForAchievementType} maps it) is the class or its nearest ancestor, preferring the value with
   * the same name; {@code ceterms:OpenBadge} and the other badges give {@code Badge}.
   *
   * @param ctdlClass a CTDL class CURIE or IRI, e.g. {@code ceterms:MicroCredential}
   * @return the achievement type, empty for classes that are not CTDL credentials
   */
  public static Optional<String> achievementTypeForClass(String ctdlClass) {
    return AchievementTypes.typeFor(Vocabulary.defaults(), Objects.requireNonNull(ctdlClass, "ctdlClass"));
  }

  /**
   * The Open Badges 3.0 {@code Alignment} that links an Achievement to its Credential Registry record, in the shape
   * of the OB 3.0 implementation guide ({@code targetCode} = CTID, {@code targetType} = {@code ceterms:Credential}).
   *
   * @param graph the exported graph
   * @param name the achievement's name ({@code targetName})
   * @return the alignment object (a new Jackson tree)
   */
  public static ObjectNode ob3Alignment(CtdlGraph graph, String name) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(name, "name");
    ObjectNode a = Json.MAPPER.createObjectNode();
    a.putArray("type").add("Alignment");
    a.put("targetCode", graph.ctid());
    a.put("targetFramework", "Credential Transparency Description Language");
    a.put("targetName", name);
    a.put("targetType", "ceterms:Credential");
    a.put("targetUrl", graph.resourceUri());
    return a;
  }
}
