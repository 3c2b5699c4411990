package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.internal.Json;
import io.github.microcred.core.internal.JsonCodec;
import io.github.microcred.core.internal.JsonNesting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON reading and writing of {@link MicroCredential} and {@link Award}. The format is the one in
 * {@code examples/}: camelCase properties, decimals as exact JSON numbers, enum values by name, dates in
 * ISO 8601. Reading is strict: an unknown property, a duplicate key or a value of the wrong type is an error
 * naming its JSON path; nothing is dropped or defaulted silently. To list every problem of a document
 * instead of failing, use {@link MicroCredentialValidator#validate(String)}.
 */
public final class MicroCredentialJson {

  private MicroCredentialJson() {}

  /**
   * Writes a micro-credential as indented JSON.
   *
   * @param m the micro-credential
   * @return the JSON text
   */
  public static String write(MicroCredential m) {
    return Json.write(JsonCodec.write(m));
  }

  /**
   * Writes an award (with its micro-credential embedded) as indented JSON.
   *
   * @param a the award
   * @return the JSON text
   */
  public static String write(Award a) {
    return Json.write(JsonCodec.write(a));
  }

  /**
   * The JSON tree of a micro-credential.
   *
   * @param m the micro-credential
   * @return a new tree, owned by the caller
   */
  public static ObjectNode toTree(MicroCredential m) {
    return JsonCodec.write(m);
  }

  /**
   * The JSON tree of an award.
   *
   * @param a the award
   * @return a new tree, owned by the caller
   */
  public static ObjectNode toTree(Award a) {
    return JsonCodec.write(a);
  }

  /**
   * Reads a micro-credential.
   *
   * @param json the JSON text
   * @return the micro-credential
   * @throws CoreException {@link CoreErrorCode#MALFORMED_JSON} with line and column for a syntax error (and the path
   *     where the text nests deeper than 256 levels),
   *     {@link CoreErrorCode#INVALID_DOCUMENT} listing every path for a document that does not fit the model
   */
  public static MicroCredential read(String json) throws CoreException {
    List<Issue> issues = new ArrayList<>();
    JsonNode n = Json.parse(json, issues);
    if (n == null) {
      throw malformed(issues.get(0));
    }
    return fromTree(n);
  }

  /**
   * Reads a micro-credential from a JSON tree.
   *
   * @param tree the tree
   * @return the micro-credential
   * @throws CoreException {@link CoreErrorCode#INVALID_DOCUMENT} listing every problem with its path
   */
  public static MicroCredential fromTree(JsonNode tree) throws CoreException {
    JsonCodec c = new JsonCodec();
    MicroCredential m = c.readMicroCredential(tree, "$");
    return orThrow(m, c.issues());
  }

  /**
   * Reads an award.
   *
   * @param json the JSON text
   * @return the award
   * @throws CoreException as {@link #read(String)}
   */
  public static Award readAward(String json) throws CoreException {
    List<Issue> issues = new ArrayList<>();
    JsonNode n = Json.parse(json, issues);
    if (n == null) {
      throw malformed(issues.get(0));
    }
    JsonCodec c = new JsonCodec();
    return orThrow(c.readAward(n, "$"), c.issues());
  }

  /**
   * Writes an organization (an awarding body, issuer, provider or QA body) as indented JSON, in the form it has inside
   * a micro-credential.
   *
   * @param o the organization
   * @return the JSON text
   */
  public static String write(Organization o) {
    return Json.write(JsonCodec.writeOrganization(o));
  }

  /**
   * Reads an organization written by {@link #write(Organization)}.
   *
   * @param json the JSON text
   * @return the organization
   * @throws CoreException as {@link #read(String)}
   */
  public static Organization readOrganization(String json) throws CoreException {
    List<Issue> issues = new ArrayList<>();
    JsonNode n = Json.parse(json, issues);
    if (n == null) {
      throw malformed(issues.get(0));
    }
    JsonCodec c = new JsonCodec();
    return orThrow(c.readOrganizationAt(n, "$"), c.issues());
  }

  /** The parse refusal as an exception; a refusal inside the document (nesting too deep) names its path. */
  private static CoreException malformed(Issue i) {
    return new CoreException(CoreErrorCode.MALFORMED_JSON,
        "malformed JSON" + ("$".equals(i.path()) ? "" : " at " + JsonNesting.abbreviate(i.path())) + ": " + i.message());
  }

  private static <T> T orThrow(T value, List<Issue> issues) throws CoreException {
    if (!issues.isEmpty() || value == null) {
      throw new CoreException(CoreErrorCode.INVALID_DOCUMENT, issues.stream()
          .map(i -> i.path() + ": " + i.message()).collect(Collectors.joining("; ")));
    }
    return value;
  }
}
