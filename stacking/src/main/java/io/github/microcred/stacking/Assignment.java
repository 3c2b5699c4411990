package io.github.microcred.stacking;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One credential counted toward one requirement.
 *
 * @param credentialId the credential
 * @param requirement the stable path of the requirement (a leaf)
 * @param credits credits applied, in the rules' unit (the whole credential in exact mode; possibly a part in the
 *     divisible relaxation)
 */
public record Assignment(String credentialId, String requirement, BigDecimal credits) {
  /** Validates. */
  public Assignment {
    Objects.requireNonNull(credentialId, "credentialId");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(credits, "credits");
  }
}
