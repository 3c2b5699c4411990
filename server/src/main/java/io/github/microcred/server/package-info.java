/**
 * A W3C VC-API service over microcred-vc: {@link io.github.microcred.server.VcApiServer} serves
 * {@code POST /credentials/issue}, {@code POST /credentials/verify}, {@code POST /presentations/verify},
 * {@code GET /health} and {@code GET /version} on loopback, configured by one immutable
 * {@link io.github.microcred.server.ServerConfig}. Errors are RFC 9457 problem details.
 */
package io.github.microcred.server;
