/**
 * The {@code ecdsa-sd-2023} selective-disclosure cryptosuite (W3C vc-di-ecdsa): JSON pointer selection, skolemized
 * canonicalization with HMAC blank-node labels, the strict CBOR codec of its proof values, and the base proof,
 * derived proof and verification algorithms. Not API: {@link io.github.microcred.vc.Credentials#sign},
 * {@link io.github.microcred.vc.Credentials#derive} and {@link io.github.microcred.vc.Credentials#verify} are.
 */
package io.github.microcred.vc.internal.sd;
