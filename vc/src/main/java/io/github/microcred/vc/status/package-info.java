/**
 * W3C Bitstring Status List: the encoded list ({@link io.github.microcred.vc.status.BitstringStatusList}), durable
 * stores of allocated indexes and their statuses ({@link io.github.microcred.vc.status.StatusStore}, in memory or
 * JDBC), and the issuer-side {@link io.github.microcred.vc.status.StatusListManager}.
 */
package io.github.microcred.vc.status;
