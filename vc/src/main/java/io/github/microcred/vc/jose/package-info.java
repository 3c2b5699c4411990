/**
 * VC-JOSE-COSE: credentials and presentations secured as JWS compact JWTs ({@code typ: vc+jwt} / {@code vp+jwt},
 * payload = the credential or presentation), with EdDSA (Ed25519), ES256 and ES384, and a strict verifier. Legacy
 * VC-JWT 1.1 tokens ({@code vc} claim) are read and reported as legacy. Entry points: {@link
 * io.github.microcred.vc.jose.VcJwt}, and {@link io.github.microcred.vc.jose.Ob3Jwt} for the Open Badges 3.0 JWT
 * profile (RS256, {@code typ: JWT}, {@code vc} claim) that 1EdTech certifies.
 */
package io.github.microcred.vc.jose;
