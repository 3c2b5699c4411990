/**
 * SD-JWT VC: an Open Badges 3.0 (or any VC Data Model 2.0) credential issued as a Selective Disclosure JWT (RFC 9901)
 * in the IETF SD-JWT VC format ({@code typ: dc+sd-jwt}, {@code vct}, {@code cnf.jwk} Holder key), presented by the
 * Holder with chosen Disclosures and a Key Binding JWT, and verified strictly. Entry point: {@link
 * io.github.microcred.vc.sdjwt.SdJwt}.
 */
package io.github.microcred.vc.sdjwt;
