package io.github.microcred.stacking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A learner's earned credentials, the input of an audit.
 *
 * @param credentials the credentials; identifiers must be unique: an audit or a plan of a transcript that repeats one
 *     fails with {@link StackingErrorCode#TRANSCRIPT_INVALID} naming {@code credentials[i].id} ({@link #fromJson}
 *     rejects it while reading)
 */
public record Transcript(List<Credential> credentials) {

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
   * Parses a transcript: {@code {"credentials": [{"id", "credits", "unit", "level", "issuer", "provider", "origin",
   * "kind", "subjects", "competencies", "tags", "issued", "expires", "creditBearing", "assessed"}]}}.
   *
   * @param json the JSON text
   * @return the transcript
   * @throws StackingException {@link StackingErrorCode#TRANSCRIPT_INVALID} naming the JSON path of every fault
   */
  public static Transcript fromJson(String json) throws StackingException {
    return io.github.microcred.stacking.internal.TranscriptJson.read(json);
  }

  /**
   * The transcript of a learner's core awards (see {@link Credential#fromAward(io.github.microcred.core.Award)}).
   * A micro-credential awarded more than once appears once, from its most recent award.
   *
   * @param awards the awards, e.g. read back from verified Open Badges credentials
   * @return the transcript
   */
  public static Transcript fromAwards(java.util.Collection<io.github.microcred.core.Award> awards) {
    java.util.Map<String, io.github.microcred.core.Award> latest = new java.util.LinkedHashMap<>();
    for (io.github.microcred.core.Award a : awards) {
      String id = a.microCredential().id().orElse(a.microCredential().title());
      io.github.microcred.core.Award prev = latest.get(id);
      if (prev == null || a.issuedOn().isAfter(prev.issuedOn())) {
        latest.put(id, a);
      }
    }
    return new Transcript(latest.values().stream().map(Credential::fromAward).toList());
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
