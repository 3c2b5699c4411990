package io.github.microcred.vc.presentation;

import io.github.microcred.core.Code;
import io.github.microcred.vc.CheckName;
import io.github.microcred.vc.VerificationCheck;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationResult;
import io.github.microcred.vc.jose.JwtVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a presentation: the holder's proof and binding, each embedded credential, and the
 * holder-is-subject checks. Immutable.
 */
public final class PresentationVerification {
  private final VerificationResult holder;
  private final JwtVerification jwt;
  private final List<VerificationResult> credentials;
  private final List<VerificationCheck> binding;
  private final String holderId;
  private final String presenter;
  private final int held;

  PresentationVerification(VerificationResult holder, JwtVerification jwt, List<VerificationCheck> binding,
      String holderId, String presenter, int held) {
    this.holder = holder;
    this.jwt = jwt;
    this.holderId = holderId;
    this.presenter = presenter;
    this.held = held;
    List<VerificationResult> l = new ArrayList<>();
    holder.nested().forEach(n -> l.add(n.result()));
    this.credentials = List.copyOf(l);
    this.binding = List.copyOf(binding);
  }

  /**
   * Whether everything verified: holder proof and binding, every credential, and every binding check. A presentation
   * without credentials (VC 2.0 makes {@code verifiableCredential} optional) verifies on its proof alone; one whose
   * credentials were not all checked (nested-credential policy {@code IGNORE}) does not verify.
   *
   * @return the verdict
   */
  public boolean verified() {
    if (!holder.verified() || (jwt != null && !jwt.verified()) || credentials.size() < held) {
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
      Code why = jwt.rejections().isEmpty() ? VerificationCode.SIGNATURE_INVALID : jwt.rejections().get(0);
      all.add(VerificationCheck.failed(CheckName.PROOF, "$", why, "the vp+jwt was rejected: " + jwt.rejections()));
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
  public Optional<JwtVerification> jwt() {
    return Optional.ofNullable(jwt);
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
   * The holder the presentation names ({@code holder}, read from what the proof covers) when its proof verified with
   * a key of that holder; empty for a presentation that names no holder, or whose proof did not verify. Only a named
   * holder can be compared with credential subjects ({@link PresentationVerifyOperation#requireHolderIsSubject()}).
   *
   * @return the holder id
   */
  public Optional<String> holderId() {
    return Optional.ofNullable(holderId);
  }

  /**
   * Who the holder's proof authenticates, when it verified: the controller of its verification method (Data
   * Integrity) or the holder / {@code iss} the key is bound to ({@code vp+jwt}). Equal to {@link #holderId()} when a
   * holder is named; for a holder-less presentation, the party that signed it for the verifier's challenge and
   * domain, which the presentation does not claim to be the holder of anything.
   *
   * @return the presenter id
   */
  public Optional<String> presenter() {
    return Optional.ofNullable(presenter);
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
