/**
 * W3C Verifiable Credentials 2.0, Open Badges 3.0 / CLR 2.0, Data Integrity and JOSE proofs.
 */
package io.github.microcred.vc;
