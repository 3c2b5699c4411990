/**
 * Verifiable presentations: a holder wraps one or more credentials (Data Integrity objects or enveloped
 * {@code vc+jwt}s), signs the presentation as a {@code vp+jwt} bound to the verifier's {@code nonce} and
 * {@code aud}, and the verifier checks the holder's proof, the binding, every embedded credential and, when asked,
 * that the holder is the subject. Entry point: {@link io.github.microcred.vc.presentation.Presentations}.
 */
package io.github.microcred.vc.presentation;
