package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.verify.XsdDateTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The reverse of {@link MicroCredentials}: reads the core {@link Award} back from an {@code OpenBadgeCredential}
 * that microcred issued. Verify the credential first ({@code Credentials.verify}); this class checks only that the
 * carried core model is present, parses, and agrees with the credential's own id.
 *
 * <ul>
 *   <li>A credential issued from an {@link Award} carries the whole award in the top-level extension property
 *       {@code microcredentialAward}: it is read as it is.
 *   <li>A credential issued from a {@link MicroCredential} and a learner id carries the micro-credential in
 *       {@code credentialSubject.achievement.microcredential}: the award is rebuilt from it, the subject's DID, the
 *       credential id, {@code validFrom} (issue time) and {@code validUntil}.
 * </ul>
 */
public final class Awards {
  private Awards() {}

  /**
   * Reads the award carried by an OB3 credential.
   *
   * @param credential the credential (a Data Integrity document, or the payload of a {@code vc+jwt})
   * @return the award
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} naming the JSON path when the credential carries no core
   *     model, it does not parse, or it disagrees with the credential's id
   */
  public static Award fromCredential(JsonNode credential) throws VcException {
    String id = credential.path("id").asText("");
    JsonNode award = credential.get("microcredentialAward");
    if (award != null) {
      Award a;
      try {
        a = Award.fromJson(award.toString());
      } catch (CoreException e) {
        throw new VcException(VcErrorCode.MAPPING_FAILED, "$.microcredentialAward: " + e.getMessage());
      }
      if (a.id().isPresent() && !id.isEmpty() && !a.id().get().equals(id)) {
        throw new VcException(VcErrorCode.MAPPING_FAILED, "$.microcredentialAward.id: " + a.id().get()
            + " differs from the credential id " + id);
      }
      return a;
    }
    JsonNode mcJson = credential.path("credentialSubject").path("achievement").get("microcredential");
    if (mcJson == null) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "$: neither microcredentialAward nor "
          + "credentialSubject.achievement.microcredential is present: not a microcred OB3 credential");
    }
    MicroCredential mc;
    try {
      mc = MicroCredential.fromJson(mcJson);
    } catch (CoreException e) {
      throw new VcException(VcErrorCode.MAPPING_FAILED,
          "$.credentialSubject.achievement.microcredential: " + e.getMessage());
    }
    String subject = credential.path("credentialSubject").path("id").asText("");
    LearnerIdentity learner;
    try {
      learner = LearnerIdentity.did(subject);
    } catch (IllegalArgumentException e) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "$.credentialSubject.id: " + e.getMessage());
    }
    Instant from = instant(credential, "validFrom");
    Award.Builder b = Award.builder(mc, learner, from);
    if (!id.isEmpty()) {
      b.id(id);
    }
    if (credential.hasNonNull("validUntil")) {
      b.validUntil(instant(credential, "validUntil"));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "$: " + e.getMessage());
    }
  }

  private static Instant instant(JsonNode credential, String field) throws VcException {
    try {
      // the verifiers' one dateTime parser: the instant read here is the one the validity check compared
      return XsdDateTime.parse(credential.path(field).asText(""));
    } catch (DateTimeParseException e) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "$." + field + ": expected a date-time, got '"
          + credential.path(field).asText("") + "'");
    }
  }
}
