package io.github.microcred.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A competency or skill the micro-credential certifies, aligned to a framework entry.
 *
 * @param name the competency's name
 * @param uri the framework entry's URI (ESCO, O*NET, a CTDL-ASN competency), or empty when not aligned
 */
public record Competency(String name, String uri) {

  /** The framework a competency URI belongs to, recognised from the URI. */
  public enum Framework {
    /** European Skills, Competences, Qualifications and Occupations ({@code data.europa.eu/esco/}). */
    ESCO,
    /** O*NET ({@code onetonline.org}, {@code onetcenter.org}). */
    ONET,
    /** A CTDL-ASN competency in the Credential Registry ({@code credentialengineregistry.org}, {@code ce-…}). */
    CTDL_ASN,
    /** Another framework. */
    OTHER,
    /** Not aligned to a framework. */
    NONE
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public Competency {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri (use \"\" for none)");
    if (name.isBlank()) {
      throw new IllegalArgumentException("competency name must not be blank");
    }
    uri = uri.trim();
  }

  /**
   * A competency aligned to a framework entry.
   *
   * @param name the name
   * @param uri the URI
   * @return the competency
   */
  public static Competency of(String name, String uri) {
    return new Competency(name, uri);
  }

  /**
   * The framework recognised from the URI.
   *
   * @return the framework
   */
  public Framework framework() {
    String u = uri.toLowerCase(Locale.ROOT);
    if (u.isEmpty()) {
      return Framework.NONE;
    }
    if (u.contains("data.europa.eu/esco/")) {
      return Framework.ESCO;
    }
    if (u.contains("onetonline.org") || u.contains("onetcenter.org") || u.startsWith("onet:")) {
      return Framework.ONET;
    }
    if (u.contains("credentialengineregistry.org") || u.contains("/ce-")) {
      return Framework.CTDL_ASN;
    }
    return Framework.OTHER;
  }
}
