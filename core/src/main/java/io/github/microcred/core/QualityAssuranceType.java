package io.github.microcred.core;

/** EU Annex I "type of quality assurance used to underpin the micro-credential"; Oliver's QA choice. */
public enum QualityAssuranceType {
  /** Not quality assured. */
  NONE,
  /** Internal quality assurance by the provider. */
  INTERNAL,
  /** External quality assurance by a QA agency or professional body. */
  EXTERNAL,
  /** Accredited by a recognised accreditor or included in a national register. */
  ACCREDITED
}
