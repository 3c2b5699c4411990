package io.github.microcred.vc;

import io.github.microcred.core.Code;

/** Error codes carried by {@link VcException}: what went wrong in the vc module. */
public enum VcErrorCode implements Code {
  /** An argument outside its documented range. */
  INVALID_ARGUMENT,
  /** A Bitstring Status List could not be decoded (bad multibase, GZIP or length). */
  STATUS_LIST_ENCODING,
  /** The named status list does not exist in the store. */
  STATUS_LIST_UNKNOWN,
  /** Every index of the status list has been allocated. */
  STATUS_LIST_FULL,
  /** A status was set on an index that was never allocated. */
  STATUS_INDEX_NOT_ALLOCATED,
  /** A status value that the list's purpose or size does not allow (for example un-revoking). */
  STATUS_VALUE_NOT_ALLOWED,
  /** The status store failed (database unreachable, schema newer than this library, ...). */
  STATUS_STORE_FAILURE,
  /** A key in an unsupported algorithm, or key material that does not decode (JWK, Multikey). */
  UNSUPPORTED_KEY,
  /** Key material that is malformed: wrong length, not on the curve, bad encoding. */
  INVALID_KEY,
  /** A JSON document that does not parse, or lacks a required member; the message names the path. */
  INVALID_DOCUMENT,
  /** A JSON-LD context URL that is neither pinned nor allowed for remote loading. */
  CONTEXT_NOT_PINNED,
  /** A pinned context resource whose SHA-256 does not match its pin. */
  CONTEXT_HASH_MISMATCH,
  /** JSON-LD expansion or RDF canonicalization failed (undefined term in safe mode, invalid IRI, ...). */
  CANONICALIZATION_FAILED,
  /** Canonicalization exceeded its configured bounds (document size or blank-node work). */
  LIMIT_EXCEEDED,
  /** An unsupported cryptosuite, or a suite used with a key of the wrong type. */
  UNSUPPORTED_SUITE,
  /** A DID or other identifier that cannot be resolved to a controller document. */
  RESOLUTION_FAILED,
  /** A mapping from the core model to Open Badges that cannot be completed. */
  MAPPING_FAILED;

  /** {@inheritDoc} Always {@code vc}. */
  @Override
  public String module() {
    return "vc";
  }
}
