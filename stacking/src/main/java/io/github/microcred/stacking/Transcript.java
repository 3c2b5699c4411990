package io.github.microcred.stacking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A learner's earned credentials, the input of an audit.
 *
 * @param credentials the credentials; identifiers are unique
 */
public record Transcript(List<Credential> credentials) {

  /** Validates and copies. */
  public Transcript {
    credentials = List.copyOf(credentials);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < credentials.size(); i++) {
      if (!seen.add(credentials.get(i).id())) {
        throw new IllegalArgumentException(
            "credentials[" + i + "].id: duplicate credential id " + credentials.get(i).id());
      }
    }
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
