package io.github.microcred.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A level in a qualifications framework: the European Qualifications Framework (EQF 1–8), ISCED 2011 (0–8),
 * or a named national framework (for example {@code NZQCF} 1–10, {@code AQF} 1–10, {@code RQF} entry–8).
 *
 * @param framework the framework's identifier: {@value #EQF}, {@value #ISCED_2011} or a national one
 * @param code the level within the framework, as the framework writes it
 */
public record Level(String framework, String code) {

  /** The European Qualifications Framework. */
  public static final String EQF = "EQF";
  /** The International Standard Classification of Education 2011 (levels of education). */
  public static final String ISCED_2011 = "ISCED-2011";

  /**
   * Validates: EQF codes are 1–8, ISCED 2011 codes 0–8, other frameworks any non-blank code.
   *
   * @throws IllegalArgumentException for an out-of-range or blank value
   */
  public Level {
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(code, "code");
    framework = framework.trim();
    code = code.trim();
    if (framework.isEmpty() || code.isEmpty()) {
      throw new IllegalArgumentException("level framework and code must not be blank");
    }
    if (framework.equals(EQF)) {
      requireRange(code, 1, 8, "EQF level");
    } else if (framework.equals(ISCED_2011)) {
      requireRange(code, 0, 8, "ISCED 2011 level");
    }
  }

  private static void requireRange(String code, int lo, int hi, String what) {
    int v;
    try {
      v = Integer.parseInt(code);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number " + lo + "-" + hi + ", was '" + code + "'");
    }
    if (v < lo || v > hi) {
      throw new IllegalArgumentException(what + " must be " + lo + "-" + hi + ", was " + v);
    }
  }

  /**
   * An EQF level.
   *
   * @param level 1 to 8
   * @return the level
   */
  public static Level eqf(int level) {
    return new Level(EQF, Integer.toString(level));
  }

  /**
   * An ISCED 2011 level.
   *
   * @param level 0 to 8
   * @return the level
   */
  public static Level isced(int level) {
    return new Level(ISCED_2011, Integer.toString(level));
  }

  /**
   * A level of a named national framework.
   *
   * @param framework the framework's short name, e.g. {@code NZQCF}
   * @param code the level
   * @return the level
   */
  public static Level national(String framework, String code) {
    return new Level(framework, code);
  }

  /**
   * Whether this is an EQF level.
   *
   * @return true for EQF
   */
  public boolean isEqf() {
    return framework.equals(EQF);
  }

  /**
   * The level as a number, when the code is a whole number.
   *
   * @return the number
   */
  public Optional<Integer> number() {
    try {
      return Optional.of(Integer.parseInt(code));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Oliver's degree-level alignment of an EQF or ISCED 2011 level (see {@link EquivalentLevel}).
   *
   * @return the equivalent level, empty for national frameworks
   */
  public Optional<EquivalentLevel> equivalentLevel() {
    if (framework.equals(EQF)) {
      return Optional.of(EquivalentLevel.fromEqf(Integer.parseInt(code)));
    }
    if (framework.equals(ISCED_2011)) {
      return Optional.of(EquivalentLevel.fromIsced(Integer.parseInt(code)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return framework + " " + code;
  }
}
