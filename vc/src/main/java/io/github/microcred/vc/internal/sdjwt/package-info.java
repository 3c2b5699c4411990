/** Internals of SD-JWT (RFC 9901): Disclosure encoding, digests, payload processing. Not API. */
package io.github.microcred.vc.internal.sdjwt;
