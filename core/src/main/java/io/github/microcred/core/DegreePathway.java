package io.github.microcred.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Oliver's "entry to a degree programme" and "credit for a degree programme": whether the micro-credential
 * gives entry to (or credit toward) named programmes, and how much credit.
 */
public final class DegreePathway {
  private final boolean granted;
  private final List<String> programmes;
  private final CreditValue credit;

  private DegreePathway(boolean granted, List<String> programmes, CreditValue credit) {
    this.granted = granted;
    this.programmes = List.copyOf(programmes);
    this.credit = credit;
  }

  /**
   * Entry or credit granted to the programmes, without a credit amount.
   *
   * @param programmes the programmes
   * @return the pathway
   */
  public static DegreePathway granted(String... programmes) {
    return new DegreePathway(true, List.of(programmes), null);
  }

  /**
   * Credit granted toward the programmes.
   *
   * @param credit the credit
   * @param programmes the programmes
   * @return the pathway
   */
  public static DegreePathway credit(CreditValue credit, List<String> programmes) {
    return new DegreePathway(true, programmes, Objects.requireNonNull(credit, "credit"));
  }

  /**
   * Any pathway.
   *
   * @param granted whether entry or credit is granted
   * @param programmes the programmes
   * @param credit the credit, or null for none
   * @return the pathway
   */
  public static DegreePathway of(boolean granted, List<String> programmes, CreditValue credit) {
    return new DegreePathway(granted, programmes, credit);
  }

  /**
   * No entry or credit.
   *
   * @return the pathway
   */
  public static DegreePathway none() {
    return new DegreePathway(false, List.of(), null);
  }

  /**
   * Whether entry or credit is granted.
   *
   * @return true if granted
   */
  public boolean granted() {
    return granted;
  }

  /**
   * The programmes.
   *
   * @return the programmes, unmodifiable
   */
  public List<String> programmes() {
    return programmes;
  }

  /**
   * The credit granted.
   *
   * @return the credit
   */
  public Optional<CreditValue> credit() {
    return Optional.ofNullable(credit);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DegreePathway d && granted == d.granted && programmes.equals(d.programmes) && Objects.equals(credit, d.credit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(granted, programmes, credit);
  }

  @Override
  public String toString() {
    return (granted ? "yes" : "no") + (programmes.isEmpty() ? "" : " " + programmes) + (credit == null ? "" : " " + credit);
  }
}
