package io.github.microcred.stacking;

import io.github.microcred.core.Award;
import io.github.microcred.stacking.internal.TranscriptJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A learner's earned credentials, the input of an audit.
 *
 * @param credentials the credentials; identifiers must be unique: an audit or a plan of a transcript that repeats one
 *     fails with {@link StackingErrorCode#TRANSCRIPT_INVALID} naming {@code credentials[i].id} ({@link #fromJson}
 *     rejects it while reading)
 */
public record Transcript(List<Credential> credentials) {

  /**
   * The classpath location of the published JSON Schema of the transcript format {@link #fromJson} reads (one such
   * object per line in a bulk file), listing every field the reader accepts.
   */
  public static final String SCHEMA_RESOURCE = "/io/github/microcred/stacking/transcript.schema.json";

  /** Copies (rejecting null elements). */
  public Transcript {
    credentials = List.copyOf(credentials);
  }

  /** The typed error of a repeated credential id, as audits and plans report it. */
  void requireUniqueIds() throws StackingException {
    Set<String> seen = new HashSet<>(Math.max(16, credentials.size() * 2));
    for (int i = 0; i < credentials.size(); i++) {
      if (!seen.add(credentials.get(i).id())) {
        throw new StackingException(StackingErrorCode.TRANSCRIPT_INVALID,
            "credentials[" + i + "].id: duplicate credential id '" + credentials.get(i).id() + "'");
      }
    }
  }

  /**
   * Parses a transcript: {@code {"$schema", "credentials": [{"id", "title", "credits", "unit", "level", "issuer",
   * "provider", "origin", "kind", "subjects", "competencies", "tags", "issued", "expires", "creditBearing",
   * "assessed"}]}}, as the published schema ({@link #SCHEMA_RESOURCE}) describes; any other field is rejected with its
   * path ({@code title} is for people and checked to be a string; the audit does not use it).
   *
   * @param json the JSON text
   * @return the transcript
   * @throws StackingException {@link StackingErrorCode#TRANSCRIPT_INVALID} naming the JSON path of every fault
   */
  public static Transcript fromJson(String json) throws StackingException {
    return TranscriptJson.read(json);
  }

  /**
   * The transcript of a learner's core awards (see {@link Credential#fromAward(io.github.microcred.core.Award)}).
   * A micro-credential awarded more than once appears once, from its most recent award.
   *
   * @param awards the awards, e.g. read back from verified Open Badges credentials
   * @return the transcript
   */
  public static Transcript fromAwards(Collection<Award> awards) {
    Map<String, Award> latest = new LinkedHashMap<>();
    for (Award a : awards) {
      String id = a.microCredential().id().orElse(a.microCredential().title());
      Award prev = latest.get(id);
      if (prev == null || a.issuedOn().isAfter(prev.issuedOn())) {
        latest.put(id, a);
      }
    }
    return new Transcript(latest.values().stream().map(Credential::fromAward).toList());
  }

  /**
   * A transcript with one credential per id, and the others as {@link Exclusion.Reason#DUPLICATE} exclusions.
   *
   * @param transcript the credentials that count, in input order of their first appearance
   * @param duplicates one exclusion per credential left out, in input order
   */
  public record Deduplicated(Transcript transcript, List<Exclusion> duplicates) {
    /** Copies. */
    public Deduplicated {
      Objects.requireNonNull(transcript, "transcript");
      duplicates = List.copyOf(duplicates);
    }
  }

  /**
   * Keeps, of credentials that repeat an id (a credential earned again, or reissued), the most recently
   * {@link Credential#issued() issued}, the first on a tie. Each credential left out becomes a
   * {@link Exclusion.Reason#DUPLICATE} exclusion whose {@code credentialId} is its source (as the CLI and the server
   * report exclusions of signed input: a file name or a JSON path) and whose detail names the one that counts. The
   * CLI's {@code mcred audit --transcript} and the server's {@code POST /audits} both use it.
   *
   * @param credentials the credentials, in input order
   * @param sources where each came from, the same size as {@code credentials}
   * @return the transcript and the duplicates
   * @throws IllegalArgumentException when the two lists differ in size
   */
  public static Deduplicated newestPerId(List<Credential> credentials, List<String> sources) {
    if (credentials.size() != sources.size()) {
      throw new IllegalArgumentException("credentials and sources differ in size: " + credentials.size() + " vs "
          + sources.size());
    }
    Map<String, Integer> newest = new LinkedHashMap<>();
    int[] loser = new int[credentials.size()];
    Arrays.fill(loser, -1);
    for (int i = 0; i < credentials.size(); i++) {
      Credential c = credentials.get(i);
      Integer prev = newest.get(c.id());
      if (prev == null) {
        newest.put(c.id(), i);
      } else if (c.issued().isAfter(credentials.get(prev).issued())) {
        newest.put(c.id(), i);
        loser[prev] = i;
      } else {
        loser[i] = prev;
      }
    }
    List<Exclusion> duplicates = new ArrayList<>();
    for (int i = 0; i < credentials.size(); i++) {
      if (loser[i] >= 0) {
        int win = newest.get(credentials.get(i).id());
        duplicates.add(new Exclusion(sources.get(i), Exclusion.Reason.DUPLICATE, credentials.get(i).id() + " issued "
            + credentials.get(i).issued() + "; " + sources.get(win) + " (issued " + credentials.get(win).issued()
            + ") counts instead"));
      }
    }
    return new Deduplicated(new Transcript(newest.values().stream().map(credentials::get).toList()), duplicates);
  }

  /**
   * Creates a transcript.
   *
   * @param credentials the credentials
   * @return the transcript
   */
  public static Transcript of(Credential... credentials) {
    return new Transcript(List.of(credentials));
  }
}
