package io.github.microcred.stacking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.microcred.core.Award;
import io.github.microcred.core.CoreException;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.core.CreditValue;
import io.github.microcred.core.Level;
import io.github.microcred.core.MicroCredential;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a <b>verified</b> Open Badges 3.0 {@code OpenBadgeCredential} / {@code AchievementCredential} from any issuer
 * (or one credential of a verified CLR 2.0 {@code ClrCredential}, see {@link #nestedCredentials(JsonNode)}) to a
 * stacking {@link Credential}. Immutable and reusable; configure with the {@code with...} methods.
 *
 * <p>This class reads JSON members and checks no signature: pass only credentials the vc verifier accepted
 * ({@code Credentials.verify(...).get().verified()}), whose decisions come from the signed data. The mapping (also a
 * table in the README):
 *
 * <ul>
 *   <li>{@code id} = {@code credentialSubject.achievement.id} (what rules name in {@code credential} leaves);
 *   <li>credits = {@code credentialSubject.creditsEarned}, else {@code achievement.creditsAvailable}, else 0; OB3
 *       defines both as "credit hours" without a unit, so their unit is {@link CreditUnit#US_SEMESTER_HOUR} unless
 *       {@link #withCreditUnit(CreditUnit)} or {@link #withCreditUnit(String, CreditUnit)} (per issuer) says
 *       otherwise;
 *   <li>level = the EQF level of the achievement's {@code alignment}s (a target under
 *       {@code http://data.europa.eu/snb/eqf/}, or a {@code targetFramework} naming EQF with the level as
 *       {@code targetCode}), else an ISCED 2011 level 5..8 (a {@code targetFramework} naming ISCED 2011), as
 *       {@link Credential#eqfLevel(List)} states; 0 (unknown) otherwise;
 *   <li>subjects = {@code achievement.fieldOfStudy} and the codes of ISCED-F alignments; competencies = the
 *       {@code targetName} and {@code targetUrl} of the other alignments; tags = {@code achievement.tag};
 *   <li>kind = {@code achievementType} in lower-case words joined by hyphens ({@code MicroCredential} to
 *       {@code micro-credential}), {@code achievement} when absent;
 *   <li>issuer = {@code issuer.id}; provider = {@code achievement.creator.id}, else the issuer; origin =
 *       {@link Origin#RESIDENT}, or, once {@link #withResidentIssuers(Set)} names issuers, {@link Origin#EXTERNAL}
 *       for the others;
 *   <li>issued = the UTC date of {@code awardedDate}, else of {@code validFrom} (VC 1.1 {@code issuanceDate});
 *       expires = the UTC date of {@code validUntil} (VC 1.1 {@code expirationDate}); the audit then counts it on
 *       {@code asOf} only when {@code issued <= asOf <= expires};
 *   <li>credit-bearing when its credits are above 0; assessed when it states a {@code result} or the achievement a
 *       {@code resultDescription};
 *   <li>result status: a credential with a {@code credentialSubject.result} whose {@code status} is not
 *       {@code Completed} ({@code Failed}, {@code Withdrawn}, {@code Enrolled}, {@code InProgress}, {@code OnHold},
 *       {@code Provisional}) does not count ({@link Exclusion.Reason#NOT_COMPLETED}); results without a status
 *       count, and values and rubric levels are not compared with {@code requiredValue}/{@code requiredLevel}.
 * </ul>
 *
 * <p>microcred's own extension is used when present, never required: a top-level {@code microcredentialAward} is
 * mapped by {@link Credential#fromAward(io.github.microcred.core.Award, Origin)}; an
 * {@code achievement.microcredential} by the same rules, with the dates above (expiry: {@code validUntil}, else the
 * micro-credential's validity policy). In both, the issuer is {@code issuer.id} (the party whose key signed it, not
 * a name the extension claims) and the awarding body the extension names is the provider.
 */
public final class OpenBadges {
  /** What one verified credential contributes: a transcript entry, or the reason it does not count. */
  public record Mapped(Optional<Credential> credential, Optional<Exclusion> exclusion) {
    /** Validates: exactly one of the two. */
    public Mapped {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(exclusion, "exclusion");
      if (credential.isPresent() == exclusion.isPresent()) {
        throw new IllegalArgumentException("exactly one of credential and exclusion");
      }
    }
  }

  /** The mapping's configuration, one immutable value. */
  private record Options(CreditUnit unit, Map<String, CreditUnit> issuerUnits, Set<String> residentIssuers) {}

  private static final OpenBadges DEFAULT = new OpenBadges(new Options(CreditUnit.US_SEMESTER_HOUR, Map.of(),
      Set.of()));
  private static final String EQF_NODE = "http://data.europa.eu/snb/eqf/";
  private static final Pattern LEVEL_DIGIT = Pattern.compile("([0-9])\\s*$");

  private final Options options;

  private OpenBadges(Options options) {
    this.options = options;
  }

  /**
   * The default mapping (credit unit US semester hours, every issuer resident).
   *
   * @return the mapping
   */
  public static OpenBadges mapping() {
    return DEFAULT;
  }

  /**
   * The unit of OB3 credit amounts from issuers without their own unit.
   *
   * @param unit the unit
   * @return a new mapping
   */
  public OpenBadges withCreditUnit(CreditUnit unit) {
    return new OpenBadges(new Options(Objects.requireNonNull(unit, "unit"), options.issuerUnits(),
        options.residentIssuers()));
  }

  /**
   * The unit of one issuer's OB3 credit amounts (e.g. a European issuer stating ECTS in {@code creditsAvailable}).
   *
   * @param issuer the issuer id
   * @param unit the unit
   * @return a new mapping
   */
  public OpenBadges withCreditUnit(String issuer, CreditUnit unit) {
    Map<String, CreditUnit> m = new HashMap<>(options.issuerUnits());
    m.put(Objects.requireNonNull(issuer, "issuer"), Objects.requireNonNull(unit, "unit"));
    return new OpenBadges(new Options(options.unit(), Map.copyOf(m), options.residentIssuers()));
  }

  /**
   * The issuers whose credentials are resident learning; credentials of every other issuer get
   * {@link Origin#EXTERNAL}. Empty (the default): every credential is resident.
   *
   * @param issuers issuer ids
   * @return a new mapping
   */
  public OpenBadges withResidentIssuers(Set<String> issuers) {
    return new OpenBadges(new Options(options.unit(), options.issuerUnits(), Set.copyOf(issuers)));
  }

  /**
   * The credentials bundled in a verified CLR 2.0 credential ({@code credentialSubject.verifiableCredential}). Each
   * is a separately signed credential: verify each one before mapping it.
   *
   * @param clr the CLR
   * @return the bundled credentials (objects, or strings for enveloped/JWT forms), in order; empty if none
   */
  public static List<JsonNode> nestedCredentials(JsonNode clr) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode v = clr.path("credentialSubject").path("verifiableCredential");
    if (v.isArray()) {
      v.forEach(out::add);
    } else if (!v.isMissingNode() && !v.isNull()) {
      out.add(v);
    }
    return out;
  }

  /**
   * Whether a credential's {@code type} includes the given type.
   *
   * @param credential the credential
   * @param type e.g. {@code ClrCredential}
   * @return true if it does
   */
  public static boolean hasType(JsonNode credential, String type) {
    JsonNode t = credential.path("type");
    if (t.isTextual()) {
      return t.asText().equals(type);
    }
    for (JsonNode x : t) {
      if (x.asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Maps one verified OB3 credential.
   *
   * @param credential the credential (a Data Integrity document, or the payload of a {@code vc+jwt})
   * @return the transcript entry, or an exclusion ({@link Exclusion.Reason#NOT_COMPLETED},
   *     {@link Exclusion.Reason#NOT_MAPPABLE} naming the JSON path) whose credential id is the achievement's id, else
   *     the credential's
   */
  public Mapped map(JsonNode credential) {
    String cid = credential.path("id").asText("");
    JsonNode subject = credential.path("credentialSubject");
    JsonNode achievement = subject.path("achievement");
    String aid = achievement.path("id").isTextual() ? achievement.get("id").asText() : cid;
    try {
      if (!hasType(credential, "OpenBadgeCredential") && !hasType(credential, "AchievementCredential")) {
        throw new Bad("$.type: expected OpenBadgeCredential or AchievementCredential, got " + brief(credential.path("type")));
      }
      if (!subject.isObject()) {
        throw new Bad("$.credentialSubject: expected one AchievementSubject object");
      }
      if (!achievement.isObject() || !achievement.path("id").isTextual() || aid.isEmpty()) {
        throw new Bad("$.credentialSubject.achievement.id: expected the achievement's id (a string)");
      }
      String issuer = partyId(credential.get("issuer"));
      if (issuer == null) {
        throw new Bad("$.issuer: expected an id (a string, or an object with a string id)");
      }
      JsonNode results = subject.path("result");
      for (int i = 0; i < results.size(); i++) {
        JsonNode st = results.get(i).path("status");
        if (!st.isMissingNode() && !st.asText().equals("Completed")) {
          return excluded(aid, Exclusion.Reason.NOT_COMPLETED, "$.credentialSubject.result[" + i + "].status is '"
              + st.asText() + "', not Completed");
        }
      }
      LocalDate issued = date(credential, "awardedDate")
          .or(() -> date(credential, "validFrom")).or(() -> date(credential, "issuanceDate"))
          .orElseThrow(() -> new Bad("$.validFrom: expected a date-time"));
      Optional<LocalDate> expires = date(credential, "validUntil").or(() -> date(credential, "expirationDate"));
      Origin origin = options.residentIssuers().isEmpty() || options.residentIssuers().contains(issuer)
          ? Origin.RESIDENT : Origin.EXTERNAL;
      Optional<Credential> ext = extension(credential, achievement, cid, issued, expires, origin);
      if (ext.isPresent()) {
        // the issuer is the party the verifier bound to the key, never a name the extension claims; the awarding
        // body the extension names is the provider
        Credential c = ext.get();
        String provider = c.issuer().isEmpty() ? issuer : c.issuer();
        return new Mapped(Optional.of(new Credential(c.id(), c.credits(), c.level(), issuer, provider, c.origin(),
            c.kind(), c.subjects(), c.competencies(), c.tags(), c.issued(), c.expires(), c.creditBearing(),
            c.assessed())), Optional.empty());
      }
      return new Mapped(Optional.of(generic(subject, achievement, aid, issuer, issued, expires, origin)),
          Optional.empty());
    } catch (Bad e) {
      return excluded(aid.isEmpty() ? "(no id)" : aid, Exclusion.Reason.NOT_MAPPABLE, e.getMessage());
    }
  }

  private Credential generic(JsonNode subject, JsonNode achievement, String aid, String issuer, LocalDate issued,
      Optional<LocalDate> expires, Origin origin) {
    BigDecimal credits = credits(subject, "creditsEarned", "$.credentialSubject")
        .or(() -> credits(achievement, "creditsAvailable", "$.credentialSubject.achievement"))
        .orElse(BigDecimal.ZERO);
    CreditUnit unit = options.issuerUnits().getOrDefault(issuer, options.unit());
    List<Level> levels = new ArrayList<>();
    Set<String> subjects = new LinkedHashSet<>();
    Set<String> competencies = new LinkedHashSet<>();
    if (achievement.path("fieldOfStudy").isTextual()) {
      subjects.add(achievement.get("fieldOfStudy").asText());
    }
    JsonNode al = achievement.path("alignment");
    for (JsonNode a : al.isArray() ? al : List.of(al)) {
      if (!a.isObject()) {
        continue;
      }
      String url = a.path("targetUrl").asText("");
      String fw = a.path("targetFramework").asText("").toUpperCase(Locale.ROOT);
      String code = a.path("targetCode").asText("");
      String name = a.path("targetName").asText("");
      if (url.startsWith(EQF_NODE) || url.startsWith("https://data.europa.eu/snb/eqf/")) {
        number(url.substring(url.lastIndexOf('/') + 1), 1, 8).ifPresent(n -> levels.add(Level.eqf(n)));
      } else if (fw.contains("EQF") || fw.contains("EUROPEAN QUALIFICATIONS FRAMEWORK")) {
        number(code, 1, 8).or(() -> trailingDigit(name, 1, 8)).ifPresent(n -> levels.add(Level.eqf(n)));
      } else if (fw.contains("ISCED-F") || fw.contains("ISCED F") || url.contains("/snb/isced-f/")) {
        String field = !code.isEmpty() ? code : url.substring(url.lastIndexOf('/') + 1);
        if (!field.isEmpty()) {
          subjects.add(field);
        }
      } else if (fw.contains("ISCED")) {
        number(code, 0, 8).or(() -> trailingDigit(name, 0, 8)).ifPresent(n -> levels.add(Level.isced(n)));
      } else {
        if (!name.isEmpty()) {
          competencies.add(name);
        }
        if (!url.isEmpty()) {
          competencies.add(url);
        }
      }
    }
    List<String> tags = new ArrayList<>();
    JsonNode tag = achievement.path("tag");
    for (JsonNode t : tag.isArray() ? tag : List.of(tag)) {
      if (t.isTextual()) {
        tags.add(t.asText());
      }
    }
    String provider = Optional.ofNullable(partyId(achievement.get("creator"))).orElse(issuer);
    boolean assessed = subject.path("result").size() > 0 || achievement.path("resultDescription").size() > 0;
    Credential.Builder b = Credential.builder(aid).credits(new CreditValue(credits, unit))
        .level(Credential.eqfLevel(levels)).issuer(issuer).provider(provider).origin(origin)
        .kind(kind(achievement.path("achievementType").asText(""))).subjects(subjects.toArray(new String[0]))
        .competencies(competencies.toArray(new String[0])).tags(tags.toArray(new String[0])).issued(issued)
        .creditBearing(credits.signum() > 0).assessed(assessed);
    expires.ifPresent(b::expires);
    return b.build();
  }

  private static Optional<Credential> extension(JsonNode credential, JsonNode achievement, String cid,
      LocalDate issued, Optional<LocalDate> expires, Origin origin) {
    JsonNode award = credential.get("microcredentialAward");
    if (award != null) {
      Award a;
      try {
        a = Award.fromJson(award.toString());
      } catch (CoreException e) {
        throw new Bad("$.microcredentialAward: " + e.getMessage());
      }
      if (a.id().isPresent() && !cid.isEmpty() && !a.id().get().equals(cid)) {
        throw new Bad("$.microcredentialAward.id: " + a.id().get() + " differs from the credential id " + cid);
      }
      return Optional.of(Credential.fromAward(a, origin));
    }
    JsonNode mcJson = achievement.get("microcredential");
    if (mcJson == null) {
      return Optional.empty();
    }
    MicroCredential mc;
    try {
      mc = MicroCredential.fromJson(mcJson);
    } catch (CoreException e) {
      throw new Bad("$.credentialSubject.achievement.microcredential: " + e.getMessage());
    }
    Optional<LocalDate> exp = expires.or(() -> mc.validity().flatMap(p -> p.expiryFor(issued)));
    return Optional.of(Credential.fromMicroCredential(mc, Optional.empty(), issued, exp, origin));
  }

  private static Optional<BigDecimal> credits(JsonNode n, String member, String path) {
    JsonNode v = n.get(member);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber() && (v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
      // a tree read with doubles holds 1e99999999 as Infinity, which has no decimal value
      throw new Bad(path + "." + member + ": expected a finite non-negative number, got " + brief(v));
    }
    if (!v.isNumber() || v.decimalValue().signum() < 0) {
      throw new Bad(path + "." + member + ": expected a non-negative number, got " + brief(v));
    }
    if (!CreditValue.withinBounds(v.decimalValue())) {
      // refused before anything expands it: 1e99999999 would become a hundred million digits
      throw new Bad(path + "." + member + ": expected at most " + CreditValue.MAX_INTEGER_DIGITS + " integer and "
          + CreditValue.MAX_FRACTION_DIGITS + " decimal digits, got " + brief(v));
    }
    return Optional.of(v.decimalValue().stripTrailingZeros());
  }

  /**
   * A value as a message shows it: short values as JSON, a long text cut to its first characters, and a container
   * of more than a few values (or nested more than a few levels) only by its kind and size, so a hostile value (10 MB
   * of text, an array nested 100,000 deep) never becomes a 10 MB message or a serializer's nesting failure.
   */
  private static String brief(JsonNode v) {
    if (v.isContainerNode() && !small(v)) {
      return v.isArray() ? "an array of " + v.size() + " value(s)" : "an object with " + v.size() + " member(s)";
    }
    if (v.isTextual() && v.textValue().length() > 40) {
      return TextNode.valueOf(v.textValue().substring(0, 37)).toString() + "...";
    }
    String t = v.toString();
    return t.length() <= 40 ? t : t.substring(0, 37) + "...";
  }

  /** Whether a container holds at most 20 values in all, nested at most 4 levels (walked without recursion). */
  private static boolean small(JsonNode v) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    todo.push(v);
    depths.push(1);
    int seen = 0;
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      int d = depths.pop();
      if (++seen > 20 || d > 4) {
        return false;
      }
      if (n.isContainerNode()) {
        if (n.size() > 20) {
          return false;
        }
        for (JsonNode c : n) {
          todo.push(c);
          depths.push(d + 1);
        }
      }
    }
    return true;
  }

  private static Optional<Integer> number(String s, int min, int max) {
    if (!s.matches("[0-9]{1,2}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(s);
    return n >= min && n <= max ? Optional.of(n) : Optional.empty();
  }

  private static Optional<Integer> trailingDigit(String s, int min, int max) {
    Matcher m = LEVEL_DIGIT.matcher(s);
    return m.find() ? number(m.group(1), min, max) : Optional.empty();
  }

  /** {@code MicroCredential} to {@code micro-credential}; {@code ext:MyType} to {@code ext:my-type}. */
  static String kind(String achievementType) {
    if (achievementType.isEmpty()) {
      return "achievement";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < achievementType.length(); i++) {
      char ch = achievementType.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && Character.isLetterOrDigit(achievementType.charAt(i - 1))
          && !Character.isUpperCase(achievementType.charAt(i - 1))) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(ch));
    }
    return sb.toString();
  }

  private static Optional<LocalDate> date(JsonNode credential, String member) {
    JsonNode v = credential.get(member);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    String s = v.asText("");
    try {
      return Optional.of(OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).toLocalDate()); // xsd:dateTime without offset: UTC
      } catch (DateTimeParseException e2) {
        throw new Bad("$." + member + ": expected a date-time such as 2026-01-31T00:00:00Z, got " + brief(v));
      }
    }
  }

  private static String partyId(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    return n.path("id").isTextual() ? n.get("id").asText() : null;
  }

  private static Mapped excluded(String id, Exclusion.Reason reason, String detail) {
    return new Mapped(Optional.empty(), Optional.of(new Exclusion(id, reason, detail)));
  }

  /** A mapping fault, with its JSON path; becomes a {@link Exclusion.Reason#NOT_MAPPABLE} exclusion. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }
}
