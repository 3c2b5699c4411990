package io.github.microcred.ctdl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The front door of the ctdl module: Credential Engine's Credential Transparency Description Language.
 *
 * <ul>
 *   <li>{@link #validate(String)}: offline validation against the pinned CTDL / CTDL-ASN schema and the minimum-data
 *       policy, reporting every problem with its JSON path;</li>
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
}
