/**
 * JAdES seals of Europass EDC credentials with EU DSS (the JAdES library of the EU's own EDC issuer): {@link
 * io.github.microcred.elm.jades.ElmSeal#seal} makes a baseline-B seal (JWS JSON serialization, unencoded payload, as
 * EDC seals), {@link io.github.microcred.elm.jades.ElmSeal#verify} checks a seal's structure and signature value with
 * its embedded certificate, offline.
 */
package io.github.microcred.elm.jades;
