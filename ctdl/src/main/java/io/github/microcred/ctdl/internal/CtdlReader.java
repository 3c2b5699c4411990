package io.github.microcred.ctdl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Issue;
import io.github.microcred.core.Severity;
import io.github.microcred.ctdl.CtdlProblemCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CTDL record (graph, envelope, node array, single resource or Registry Assistant request) into a
 * {@link CtdlModel}, accepting legacy shapes, and reports every property it did not map with its JSON path.
 *
 * <p>The jobs are split: {@link RecordUnwrapper} finds the document inside envelopes, JWTs and Assistant requests;
 * {@link GraphIndex} indexes its nodes and paths; {@link NodeCursor}s over one {@link ReadContext} record what each
 * resource reader ({@link OfferingReader}, {@link ConditionReader}, {@link CreditReader}, {@link AssessmentReader},
 * {@link OrganizationReader}, {@link CompetencyReader}, {@link PathwayReader}) read, and the context reports the rest.
 */
public final class CtdlReader {
  /**
   * A warning: where, what kind ({@link CtdlProblemCode.Category#IMPORT}), and what did not map or was normalised.
   *
   * @param path the JSON path in the record
   * @param code the import code
   * @param message what happened
   */
  public record Warning(String path, CtdlProblemCode code, String message) {
    /**
     * This warning as the shared problem type.
     *
     * @return the issue, of severity {@link Severity#WARNING}
     */
    public Issue toIssue() {
      return new Issue(path, code, Severity.WARNING, message);
    }
  }

  /** What the primary resource of the record is. */
  public enum Kind { CREDENTIAL, LEARNING_OPPORTUNITY, ASSESSMENT, ORGANIZATION, COMPETENCY_FRAMEWORK, PATHWAY, OTHER }

  /** The result of reading. */
  public static final class Result {
    public CtdlModel model = new CtdlModel();
    public Kind kind = Kind.OTHER;
    public String primaryType;
    public CtdlModel.Org organization;
    public final List<Warning> warnings = new ArrayList<>();
  }

  private CtdlReader() {}

  /**
   * Reads a record.
   *
   * @param doc the parsed JSON
   * @return the model, kind and warnings
   * @throws IllegalArgumentException when the document holds no resource at all (the message says why)
   */
  public static Result read(JsonNode doc) {
    Vocabulary vocab = Vocabulary.defaults();
    Result r = new Result();
    RecordUnwrapper.Unwrapped u = RecordUnwrapper.unwrap(doc, vocab, r.warnings);
    JsonNode d = u.document();
    if (GraphIndex.hasGraph(d) || !d.isArray() && d.isObject() && d.has("@type")) {
      RecordUnwrapper.checkContext(d, u.base(), r.warnings);
    }
    GraphIndex graph = GraphIndex.of(d, u.base());
    ReadContext ctx = new ReadContext(vocab, graph, r);
    OrganizationReader orgs = new OrganizationReader(ctx);
    CreditReader credits = new CreditReader(ctx);
    AssessmentReader assessments = new AssessmentReader(ctx);
    CompetencyReader competencies = new CompetencyReader(ctx, orgs);
    ConditionReader conditions = new ConditionReader(ctx, credits, competencies, assessments);
    OfferingReader offerings = new OfferingReader(ctx, orgs, credits, conditions, assessments);
    PathwayReader pathways = new PathwayReader(ctx, orgs);

    JsonNode primary = primary(graph.nodes());
    NodeCursor p = ctx.at(primary);
    List<String> types = p.types();
    String type = types.isEmpty() ? "" : types.get(0);
    r.primaryType = type;
    r.model.ctdlClass = type;
    if (vocab.isA(type, List.of("ceterms:Credential"))) {
      r.kind = Kind.CREDENTIAL;
      offerings.read(primary);
      for (JsonNode n : graph.nodes()) {
        if (ctx.at(n).types().contains("ceterms:Pathway") && r.model.pathway == null) {
          pathways.read(n, false);
        }
      }
    } else if (vocab.isA(type, List.of("ceterms:LearningOpportunityProfile"))) {
      r.kind = Kind.LEARNING_OPPORTUNITY;
      offerings.read(primary);
    } else if (vocab.isA(type, List.of("ceterms:AssessmentProfile"))) {
      r.kind = Kind.ASSESSMENT;
      offerings.read(primary);
    } else if (vocab.isA(type, List.of("ceterms:Organization", "ceterms:Agent"))) {
      r.kind = Kind.ORGANIZATION;
      r.organization = orgs.read(primary);
      r.model.ctid = r.organization.ctid;
      r.model.name = r.organization.name;
    } else if (type.equals("ceasn:CompetencyFramework")) {
      r.kind = Kind.COMPETENCY_FRAMEWORK;
      competencies.framework(primary);
    } else if (type.equals("ceterms:Pathway")) {
      r.kind = Kind.PATHWAY;
      pathways.read(primary, true);
    } else {
      p.use("@id", "@type");
      r.model.ctid = p.ctid();
      r.model.name = p.text("ceterms:name");
      if (r.model.name.isEmpty()) {
        r.model.name = p.text("ceasn:name");
      }
      ctx.warn(p.path(), CtdlProblemCode.PARTLY_MAPPED, "a " + type + " is not a micro-credential: only its name and CTID are read");
    }
    ctx.reportUnread();
    return r;
  }

  /** The first node with a CTID that is not a blank node, else the first node. */
  private static JsonNode primary(List<JsonNode> nodes) {
    for (JsonNode n : nodes) {
      if (n.has("ceterms:ctid") && !n.path("@id").asText().startsWith("_:")) {
        return n;
      }
    }
    return nodes.get(0);
  }
}
