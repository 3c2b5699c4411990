package io.github.microcred.vc;

/** Error codes carried by {@link VcException}: what went wrong in the vc module. */
public enum VcErrorCode {
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
  STATUS_STORE_FAILURE
}
