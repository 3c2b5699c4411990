package io.github.microcred.stacking;

import java.util.Set;

/**
 * A double-counting whitelist entry: a credential may count toward several of the named requirements at once
 * (degreepath's {@code multicountable}). Double counting is otherwise off. A credential may serve a set of
 * requirements only when every pair in the set is whitelisted for it.
 *
 * @param requirements requirement ids or paths that may share credentials (at least two)
 * @param credentials the credentials allowed to be shared; empty for every credential
 */
public record DoubleCount(Set<String> requirements, Set<String> credentials) {
  /** Copies. */
  public DoubleCount {
    requirements = Set.copyOf(requirements);
    credentials = Set.copyOf(credentials);
  }
}
