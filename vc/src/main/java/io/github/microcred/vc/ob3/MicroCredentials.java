package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.Competency;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.LearnerIdentity;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.core.Rubric;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps the core model to Open Badges 3.0: a {@link MicroCredential} becomes an {@link Achievement}, and an award of
 * it to a learner becomes an {@link OpenBadgeCredential}.
 *
 * <p>Nothing is dropped. What OB3 has properties for is mapped to them (title → {@code name}, short description →
 * {@code description}, learning outcomes → criteria narrative, ECTS/other first credit → {@code creditsAvailable},
 * competencies → {@code alignment}, rubric → {@code resultDescription} with rubric levels, first language →
 * {@code inLanguage}, kind → {@code achievementType}, first level → {@code fieldOfStudy} is not used). In addition the
 * <em>whole</em> core model is carried, signed, in the extension property {@code microcredential} (a JSON literal,
 * {@code @type: @json}) defined by the pinned context {@value #EXTENSION_CONTEXT}, shipped in this jar.
 */
public final class MicroCredentials {
  /** URL of the microcred OB3 extension context (served only from the pinned copy in this jar). */
  public static final String EXTENSION_CONTEXT = "https://microcred.github.io/ns/ob3-extension/v1";

  private MicroCredentials() {}

  /**
   * Reads the core micro-credential back from an achievement produced by {@link #toAchievement}.
   *
   * @param achievement the achievement
   * @return the micro-credential, if the extension is present
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the extension does not parse
   */
  public static Optional<MicroCredential> fromAchievement(Achievement achievement) throws VcException {
    JsonNode ext = achievement.extensions().get("microcredential");
    if (ext == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(MicroCredential.fromJson(ext));
    } catch (CoreException e) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "achievement.microcredential: " + e.getMessage());
    }
  }

  /**
   * Maps an {@link Award} to the unsigned OB3 credential. The learner becomes the subject ({@code id} for a DID,
   * an {@link IdentityObject} for a hashed identity), the issue time {@code validFrom}, the validity
   * {@code validUntil}, grade and results {@link Result}s, evidence {@link Evidence}; the complete award (core JSON)
   * is also carried, signed, in the extension property {@code microcredentialAward}.
   *
   * @param given the award; without an id it gets {@code urn:uuid:} + a name-based UUID (RFC 4122 version 3) of its
   *     achievement id, learner and issue time, which then is also the id of the award carried in the extension
   * @param issuerId the issuer's id: the DID or https: URL whose key will sign
   * @return the credential
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the award's or its micro-credential's id is not an
   *     absolute IRI
   */
  public static OpenBadgeCredential toOpenBadge(Award given, String issuerId) throws VcException {
    String seed = "microcred:award\n" + achievementId(given.microCredential()) + "\n" + given.learner().value()
        + "\n" + given.issuedOn();
    Award award = given.id().isPresent() ? given : given.toBuilder().id("urn:uuid:"
        + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))).build();
    String id = award.id().get();
    if (!isAbsoluteIri(id)) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "Award.id '" + id + "' is not an absolute IRI");
    }
    Achievement a = toAchievement(award.microCredential());
    LearnerIdentity l = award.learner();
    Optional<String> subjectId = Optional.empty();
    List<IdentityObject> ids = new ArrayList<>();
    if (l.type() == LearnerIdentity.Type.DID) {
      subjectId = Optional.of(l.value());
    } else {
      ids.add(new IdentityObject("emailAddress", true, l.value(), l.salt()));
    }
    List<Result> results = new ArrayList<>();
    award.grade().ifPresent(g -> results.add(new Result(Optional.empty(), Optional.of(g), Optional.empty(),
        Optional.of("Completed"), List.of())));
    for (Award.Result r : award.results()) {
      results.add(new Result(Optional.empty(), Optional.of(r.value()), Optional.empty(), Optional.empty(),
          List.of()));
    }
    List<Evidence> evidence = new ArrayList<>();
    for (Award.Evidence e : award.evidence()) {
      evidence.add(new Evidence(Optional.ofNullable(e.id()), Optional.ofNullable(e.name()),
          Optional.ofNullable(e.narrative()), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    Profile issuer = award.issuer().map(o -> new Profile(issuerId, Optional.of(o.name()), o.url(), o.email(),
        Optional.empty())).orElse(new Profile(issuerId, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()));
    AchievementSubject s = new AchievementSubject(subjectId, ids, a, results, a.creditsAvailable(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    ObjectNode ext = Json.obj();
    ext.set("microcredentialAward", award.toJson());
    return new OpenBadgeCredential(id, Optional.of(award.microCredential().title()),
        award.microCredential().shortDescription(), issuer, award.issuedOn().toString(),
        award.effectiveExpiry().map(Instant::toString),
        award.awardedDate().map(d -> d + "T00:00:00Z").or(() -> Optional.of(award.issuedOn().toString())), s,
        evidence, List.of(EXTENSION_CONTEXT), ext);
  }

  /**
   * Maps a micro-credential to an OB3 achievement.
   *
   * @param given the micro-credential; without an id it gets {@link #achievementId(MicroCredential)}, which then is
   *     also the id of the core model carried in the extension
   * @return the achievement
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} if the id is not an absolute IRI
   */
  public static Achievement toAchievement(MicroCredential given) throws VcException {
    MicroCredential mc = given.id().isPresent() ? given : given.toBuilder().id(achievementId(given)).build();
    String id = mc.id().get();
    if (!isAbsoluteIri(id)) {
      throw new VcException(VcErrorCode.MAPPING_FAILED, "MicroCredential.id '" + id + "' is not an absolute IRI");
    }
    StringBuilder narrative = new StringBuilder();
    if (!mc.learningOutcomes().isEmpty()) {
      narrative.append("Learning outcomes:\n");
      mc.learningOutcomes().forEach(o -> narrative.append("- ").append(o).append('\n'));
    }
    mc.assessment().description().ifPresent(a -> narrative.append("\nAssessment: ").append(a).append('\n'));
    if (narrative.length() == 0) {
      narrative.append(mc.certifiedLearning().orElse(mc.title()));
    }
    List<Alignment> alignments = new ArrayList<>();
    for (Competency c : mc.competencies()) {
      alignments.add(new Alignment(c.name(), c.uri(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("ceasn:Competency")));
    }
    List<ResultDescription> results = new ArrayList<>();
    mc.assessment().rubric().ifPresent(r -> results.add(rubric(id, r)));
    Optional<BigDecimal> credits = mc.workload().credits().stream()
        .filter(c -> c.unit() == CreditUnit.ECTS).map(CreditValue::amount).findFirst()
        .or(() -> mc.workload().credits().stream().map(CreditValue::amount).findFirst());
    ObjectNode ext = Json.obj();
    ext.set("microcredential", mc.toJson());
    return new Achievement(id, mc.kind().map(k -> achievementType(k.name())), mc.title(),
        mc.shortDescription().or(mc::certifiedLearning).orElse(mc.title()), Optional.empty(),
        Optional.of(narrative.toString().strip()), alignments, credits, results, Optional.empty(), Optional.empty(),
        List.of(), Optional.empty(), mc.languages().stream().findFirst(), Optional.empty(), ext);
  }

  /**
   * The id an achievement gets when its micro-credential has none: {@code urn:uuid:} + a name-based UUID (RFC 4122
   * version 3) of the title and the awarding bodies (their ids, else their names), so the same micro-credential
   * always gets the same id. Give the micro-credential an id of its own to keep it stable when the title changes.
   *
   * @param mc the micro-credential
   * @return its own id, or the derived {@code urn:uuid:} id
   */
  public static String achievementId(MicroCredential mc) {
    if (mc.id().isPresent()) {
      return mc.id().get();
    }
    StringBuilder seed = new StringBuilder("microcred:achievement\n").append(mc.title());
    mc.awardingBodies().forEach(o -> seed.append('\n').append(o.id().orElse(o.name())));
    return "urn:uuid:" + UUID.nameUUIDFromBytes(seed.toString().getBytes(
        StandardCharsets.UTF_8));
  }

  private static boolean isAbsoluteIri(String s) {
    try {
      return new URI(s).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static String achievementType(String kind) {
    switch (kind) {
      case "MICRO_CREDENTIAL_MODULE":
        return "MicroCredential";
      case "SKILL_CREDENTIAL":
        return "Badge";
      default:
        StringBuilder sb = new StringBuilder("ext:");
        for (String part : kind.toLowerCase(Locale.ROOT).split("_")) {
          sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
  }

  private static ResultDescription rubric(String achievementId, Rubric r) {
    List<RubricCriterionLevel> levels = new ArrayList<>();
    for (Rubric.Criterion c : r.criteria()) {
      for (int i = 0; i < c.levels().size(); i++) {
        levels.add(new RubricCriterionLevel(achievementId + "#rubric-" + c.id() + "-" + i,
            c.name() + ": " + c.levels().get(i), Optional.empty(), Optional.of(c.levels().get(i)),
            Optional.empty(), List.of()));
      }
    }
    return new ResultDescription(achievementId + "#rubric", r.title(), "RubricCriterionLevel", List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), levels, List.of());
  }

  /**
   * Builds the unsigned OB3 credential awarding a micro-credential to a learner.
   *
   * @param mc the micro-credential
   * @param issuer the issuer profile (its id is the DID or https: URL whose key signs)
   * @param learnerId the learner's IRI (e.g. a DID)
   * @param credentialId the credential's IRI (e.g. {@code urn:uuid:...})
   * @param awarded when it was awarded (also {@code validFrom}); the micro-credential's validity policy applied to
   *     this date (UTC) gives {@code validUntil}, as {@link Award#effectiveExpiry()} does
   * @return the credential
   * @throws VcException {@link VcErrorCode#MAPPING_FAILED} as {@link #toAchievement}
   */
  public static OpenBadgeCredential toOpenBadge(MicroCredential mc, Profile issuer, String learnerId,
      String credentialId, Instant awarded) throws VcException {
    Achievement a = toAchievement(mc);
    AchievementSubject s = new AchievementSubject(Optional.of(learnerId), List.of(), a, List.of(),
        a.creditsAvailable(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    Optional<String> validUntil = mc.validity()
        .flatMap(p -> p.expiryFor(LocalDate.ofInstant(awarded, ZoneOffset.UTC)))
        .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
    return new OpenBadgeCredential(credentialId, Optional.of(mc.title()), mc.shortDescription(), issuer,
        awarded.toString(), validUntil, Optional.of(awarded.toString()), s, List.of(),
        List.of(EXTENSION_CONTEXT), Json.obj());
  }
}
