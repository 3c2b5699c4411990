package io.github.microcred.ctdl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A CTDL graph document as {@link Ctdl#export} produces it: the context
 * {@code https://credreg.net/ctdl/schema/context/json}, the graph {@code @id}, and the {@code @graph} with the main
 * resource first. Immutable: {@link #toJson()} returns a copy.
 */
public final class CtdlGraph {
  private final ObjectNode doc;
  private final String ctid;

  CtdlGraph(ObjectNode doc, String ctid) {
    this.doc = Objects.requireNonNull(doc, "doc");
    this.ctid = Objects.requireNonNull(ctid, "ctid");
  }

  /**
   * The CTID of the main resource.
   *
   * @return the CTID ({@code ce-} + lowercase UUID)
   */
  public String ctid() {
    return ctid;
  }

  /**
   * The Registry URI of the main resource, {@code https://credentialengineregistry.org/resources/<ctid>}.
   *
   * @return the URI
   */
  public String resourceUri() {
    return "https://credentialengineregistry.org/resources/" + ctid;
  }

  /**
   * The document as JSON; {@code toPrettyString()} of the tree is the indented text, {@code toString()} the compact
   * one.
   *
   * @return a copy of the document, owned by the caller
   */
  public ObjectNode toJson() {
    return doc.deepCopy();
  }

  /**
   * Validates this graph offline with the default validator.
   *
   * @return the report
   */
  public CtdlReport validate() {
    return Ctdl.validate(doc);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtdlGraph g && g.doc.equals(doc);
  }

  @Override
  public int hashCode() {
    return doc.hashCode();
  }

  @Override
  public String toString() {
    return doc.toPrettyString();
  }
}
