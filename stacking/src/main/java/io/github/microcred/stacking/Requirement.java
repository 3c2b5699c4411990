package io.github.microcred.stacking;

import io.github.microcred.stacking.internal.Amounts;
import io.github.microcred.stacking.internal.RulesJson;
import io.github.microcred.stacking.internal.Trees;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A node of a qualification's requirement tree. Combinators ({@code allOf}, {@code anyOf}, {@code nOf}) hold children;
 * leaves ({@code credential}, {@code equivalent}, {@code credits}, {@code count}) are what credentials are assigned to;
 * {@code ref} names a definition of the {@link Rules}. Every node has a stable path in the tree, built from the ids
 * of its ancestors (or their child index when a node has no id), e.g. {@code $/core/2}.
 *
 * @param kind the node kind
 * @param id the node id, unique within the rules; empty when the node has none
 * @param children children of a combinator, empty for leaves
 * @param n the number of children that must be satisfied ({@code nOf}; {@code allOf} = all, {@code anyOf} = 1)
 * @param amount minimum credits ({@code credits}) or count ({@code count}, {@code credential}, {@code equivalent})
 * @param filter the credentials a leaf accepts (for a credential or equivalent leaf: the named identifiers and
 *     whatever else its {@code where} asks, e.g. a minimum level); {@link Filter#ANY} for combinators and references
 * @param ref the definition named by a {@code ref} node, empty otherwise
 */
public record Requirement(
    Kind kind, String id, List<Requirement> children, int n, BigDecimal amount, Filter filter, String ref) {

  /** Node kinds. */
  public enum Kind {
    /** All children. */
    ALL_OF,
    /** At least one child. */
    ANY_OF,
    /** At least n children. */
    N_OF,
    /** One named micro-credential. */
    CREDENTIAL,
    /** One credential from an equivalence set (A's X is equivalent to B's Y). */
    EQUIVALENT,
    /** At least {@code amount} credits (in the rules' unit) from credentials accepted by the filter. */
    CREDITS,
    /** At least {@code amount} credentials accepted by the filter. */
    COUNT,
    /** A reference to a named definition. */
    REF
  }

  /** Validates and copies. */
  public Requirement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    children = List.copyOf(children);
    amount = Amounts.norm(Objects.requireNonNull(amount, "amount"));
    Objects.requireNonNull(filter, "filter");
    if (kind == Kind.ALL_OF) {
      n = children.size();
    } else if (kind == Kind.ANY_OF) {
      n = 1;
    } else if (kind != Kind.N_OF) {
      n = 0;
    }
    Objects.requireNonNull(ref, "ref");
  }

  /**
   * Whether this node is a leaf that credentials are assigned to.
   *
   * @return true for credential, equivalent, credits and count nodes
   */
  public boolean isLeaf() {
    return kind == Kind.CREDENTIAL || kind == Kind.EQUIVALENT || kind == Kind.CREDITS || kind == Kind.COUNT;
  }

  /**
   * All of the children.
   *
   * @param id node id (may be empty)
   * @param children children
   * @return the node
   */
  public static Requirement allOf(String id, Requirement... children) {
    return new Requirement(Kind.ALL_OF, id, List.of(children), children.length, BigDecimal.ZERO, Filter.ANY, "");
  }

  /**
   * At least one of the children.
   *
   * @param id node id (may be empty)
   * @param children children
   * @return the node
   */
  public static Requirement anyOf(String id, Requirement... children) {
    return new Requirement(Kind.ANY_OF, id, List.of(children), 1, BigDecimal.ZERO, Filter.ANY, "");
  }

  /**
   * At least n of the children.
   *
   * @param id node id (may be empty)
   * @param n how many
   * @param children children
   * @return the node
   */
  public static Requirement nOf(String id, int n, Requirement... children) {
    return new Requirement(Kind.N_OF, id, List.of(children), n, BigDecimal.ZERO, Filter.ANY, "");
  }

  /**
   * The named micro-credential.
   *
   * @param id node id (may be empty)
   * @param credentialId the micro-credential's identifier
   * @return the node
   */
  public static Requirement credential(String id, String credentialId) {
    return new Requirement(Kind.CREDENTIAL, id, List.of(), 0, BigDecimal.ONE,
        Filter.builder().credentials(credentialId).build(), "");
  }

  /**
   * The named micro-credential, when it also passes a filter (e.g. at least a level, or recent enough).
   *
   * @param id node id (may be empty)
   * @param credentialId the micro-credential's identifier
   * @param where what else the credential must satisfy
   * @return the node
   */
  public static Requirement credential(String id, String credentialId, Filter where) {
    return new Requirement(Kind.CREDENTIAL, id, List.of(), 0, BigDecimal.ONE,
        RulesJson.withCredentials(where, Set.of(credentialId)), "");
  }

  /**
   * One micro-credential out of an equivalence set, when it also passes a filter.
   *
   * @param id node id (may be empty)
   * @param where what else the credential must satisfy
   * @param credentialIds the equivalent identifiers
   * @return the node
   */
  public static Requirement equivalent(String id, Filter where, String... credentialIds) {
    return new Requirement(Kind.EQUIVALENT, id, List.of(), 0, BigDecimal.ONE,
        RulesJson.withCredentials(where,
            Set.copyOf(Arrays.asList(credentialIds))), "");
  }

  /**
   * One micro-credential out of an equivalence set.
   *
   * @param id node id (may be empty)
   * @param credentialIds the equivalent identifiers
   * @return the node
   */
  public static Requirement equivalent(String id, String... credentialIds) {
    return new Requirement(Kind.EQUIVALENT, id, List.of(), 0, BigDecimal.ONE,
        Filter.builder().credentials(Set.copyOf(Arrays.asList(credentialIds))).build(), "");
  }

  /**
   * At least {@code min} credits from accepted credentials.
   *
   * @param id node id (may be empty)
   * @param min the minimum credits, in the rules' unit
   * @param filter accepted credentials
   * @return the node
   */
  public static Requirement credits(String id, BigDecimal min, Filter filter) {
    return new Requirement(Kind.CREDITS, id, List.of(), 0, min, filter, "");
  }

  /**
   * At least {@code min} credits from accepted credentials.
   *
   * @param id node id (may be empty)
   * @param min the minimum credits, in the rules' unit
   * @param filter accepted credentials
   * @return the node
   */
  public static Requirement credits(String id, double min, Filter filter) {
    return credits(id, BigDecimal.valueOf(min), filter);
  }

  /**
   * At least {@code min} accepted credentials.
   *
   * @param id node id (may be empty)
   * @param min the minimum count
   * @param filter accepted credentials
   * @return the node
   */
  public static Requirement count(String id, int min, Filter filter) {
    return new Requirement(Kind.COUNT, id, List.of(), 0, BigDecimal.valueOf(min), filter, "");
  }

  /**
   * A reference to a named definition.
   *
   * @param name the definition's name
   * @return the node
   */
  public static Requirement ref(String name) {
    return new Requirement(Kind.REF, "", List.of(), 0, BigDecimal.ZERO, Filter.ANY, name);
  }

  /**
   * Structural equality, computed without recursion and each shared subtree pair compared once, so a tree built in
   * Java 100,000 levels deep, or a DAG whose levels share children, compares in time linear in its distinct objects.
   *
   * @param o the other object
   * @return whether it is a Requirement with equal components
   */
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Requirement other && Trees.equal(this, other);
  }

  /**
   * The hash code of the components, computed without recursion, each shared subtree once.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Trees.hash(this);
  }

  /**
   * The record's text, built without recursion and cut at 100,000 characters (ending in
   * {@code ...}).
   *
   * @return the text
   */
  @Override
  public String toString() {
    return Trees.text(this);
  }
}
