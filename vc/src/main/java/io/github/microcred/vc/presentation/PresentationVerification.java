package io.github.microcred.vc.presentation;

import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of verifying a presentation: the holder's proof and binding, each embedded credential, and the
 * holder-is-subject checks. Immutable.
 */
public final class PresentationVerification {
  private final VerificationResult holder;
  private final JwtVerification jwt;
  private final List<VerificationResult> credentials;
  private final List<VerificationCheck> binding;

  PresentationVerification(VerificationResult holder, JwtVerification jwt, List<VerificationCheck> binding) {
    this.holder = holder;
    this.jwt = jwt;
    List<VerificationResult> l = new ArrayList<>();
    holder.nested().forEach(n -> l.add(n.result()));
    this.credentials = List.copyOf(l);
    this.binding = List.copyOf(binding);
  }

  /**
   * Whether everything verified: holder proof and binding, every credential, and every binding check.
   *
   * @return the verdict
   */
  public boolean verified() {
    if (!holder.verified() || (jwt != null && !jwt.verified()) || credentials.isEmpty()) {
      return false;
    }
    for (VerificationResult r : credentials) {
      if (!r.verified()) {
        return false;
      }
    }
    for (VerificationCheck c : binding) {
      if (c.failed()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The whole presentation as one result: the holder's checks, the binding checks, and the embedded credentials in
   * {@link VerificationResult#nested()} with their paths ({@code $.verifiableCredential[i]}).
   *
   * @return the result
   */
  public VerificationResult result() {
    List<VerificationCheck> all = new ArrayList<>(holder.checks());
    all.addAll(binding);
    if (jwt != null && !jwt.verified() && holder.failures().isEmpty()) {
      all.add(VerificationCheck.failed(CheckName.PROOF, "$", "the vp+jwt was rejected: " + jwt.rejections()));
    }
    return VerificationResult.of(all, holder.nested());
  }

  /**
   * The holder's proof: signature, key binding, nonce / challenge, audience / domain, time; with the embedded
   * credentials' results in {@link VerificationResult#nested()}.
   *
   * @return the checks
   */
  public VerificationResult holder() {
    return holder;
  }

  /**
   * For a {@code vp+jwt}: the JWT verification with its named {@link io.github.microcred.vc.jose.JwtRejection}s.
   *
   * @return the JWT verification, or empty for a Data Integrity presentation
   */
  public java.util.Optional<JwtVerification> jwt() {
    return java.util.Optional.ofNullable(jwt);
  }

  /**
   * The result of each embedded credential that was checked, in order (the results of
   * {@link VerificationResult#nested()}; empty when the holder's proof failed).
   *
   * @return an unmodifiable list
   */
  public List<VerificationResult> credentials() {
    return credentials;
  }

  /**
   * Checks binding credentials to the holder (holder is the subject), one per credential when requested.
   *
   * @return an unmodifiable list
   */
  public List<VerificationCheck> binding() {
    return binding;
  }

  @Override
  public String toString() {
    return "PresentationVerification[verified=" + verified() + ", holder=" + holder + ", credentials="
        + credentials.size() + "]";
  }
}
