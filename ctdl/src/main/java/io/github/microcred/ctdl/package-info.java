/**
 * Credential Transparency Description Language (Credential Engine): export, import and offline validation.
 */
package io.github.microcred.ctdl;
