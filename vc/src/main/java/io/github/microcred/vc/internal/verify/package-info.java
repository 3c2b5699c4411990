/**
 * The small checks every verifier in the vc module composes (Data Integrity credentials, {@code vc+jwt} /
 * {@code vp+jwt}, presentations, status list credentials): the data model and compact form of the JSON
 * ({@link io.github.microcred.vc.internal.verify.DataModel}, {@link io.github.microcred.vc.internal.verify.CompactForm}),
 * the signed RDF graph a Data Integrity proof covers ({@link io.github.microcred.vc.internal.verify.SignedGraph}),
 * the binding of a key to the issuer ({@link io.github.microcred.vc.internal.verify.KeyBinding}), the validity window
 * ({@link io.github.microcred.vc.internal.verify.ValidityWindow}, with the one XML Schema dateTime parser
 * {@link io.github.microcred.vc.internal.verify.XsdDateTime}) and the status gate
 * ({@link io.github.microcred.vc.internal.verify.StatusGate}). Not API.
 */
package io.github.microcred.vc.internal.verify;
