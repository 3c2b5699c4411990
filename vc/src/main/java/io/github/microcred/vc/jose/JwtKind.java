package io.github.microcred.vc.jose;

/** Credential or presentation. */
enum JwtKind {
  CREDENTIAL(VcJwt.TYP_VC, VcJwt.CTY_VC, "vc", "assertionMethod"),
  PRESENTATION(VcJwt.TYP_VP, VcJwt.CTY_VP, "vp", "authentication");

  final String typ;
  final String cty;
  final String legacyClaim;
  final String relationship;

  JwtKind(String typ, String cty, String legacyClaim, String relationship) {
    this.typ = typ;
    this.cty = cty;
    this.legacyClaim = legacyClaim;
    this.relationship = relationship;
  }
}
