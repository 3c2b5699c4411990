package io.github.microcred.vc.status;

import io.github.microcred.vc.VcException;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of status lists: which indexes are allocated and the status of each. Implementations are safe
 * for concurrent use; every allocation and every update is atomic, and a method that returned has made its effect
 * durable (as durable as the backing store).
 *
 * <p>Indexes are allocated in a pseudo-random order (so an index does not reveal when a credential was issued) and
 * never reused, even after a restart.
 */
public interface StatusStore extends AutoCloseable {

  /**
   * Creates a list. Creating a list that exists with the same definition does nothing.
   *
   * @param definition the list
   * @throws VcException {@link io.github.microcred.vc.VcErrorCode#INVALID_ARGUMENT} when a different list with the
   *     same id exists; {@link io.github.microcred.vc.VcErrorCode#STATUS_STORE_FAILURE} on storage failure
   */
  void createList(StatusListDefinition definition) throws VcException;

  /**
   * Looks a list up.
   *
   * @param listId the list URL
   * @return the definition, or empty
   * @throws VcException on storage failure
   */
  Optional<StatusListDefinition> findList(String listId) throws VcException;

  /**
   * Returns the ids of every list, sorted.
   *
   * @return list ids
   * @throws VcException on storage failure
   */
  List<String> listIds() throws VcException;

  /**
   * Allocates a fresh index (status 0) in a list.
   *
   * @param listId the list URL
   * @return the index, never returned before for this list
   * @throws VcException {@link io.github.microcred.vc.VcErrorCode#STATUS_LIST_UNKNOWN},
   *     {@link io.github.microcred.vc.VcErrorCode#STATUS_LIST_FULL} or a storage failure
   */
  long allocate(String listId) throws VcException;

  /** The longest credential id {@link #allocate(String, String)} binds, in characters. */
  int MAX_CREDENTIAL_ID_LENGTH = 2048;

  /**
   * Allocates a fresh index (status 0) in a list and binds the credential's {@code id} to it, in one atomic step.
   * While the entry's status is non-zero, {@link #snapshot} reports the id with it: that is what a 1EdTech
   * Revocation List ({@link StatusListManager#revocationList}) publishes, since it names revoked credentials by id
   * rather than by index.
   *
   * @param listId the list URL
   * @param credentialId the {@code id} of the credential that gets the entry: not blank, at most
   *     {@value #MAX_CREDENTIAL_ID_LENGTH} characters, no control characters
   * @return the index, never returned before for this list
   * @throws VcException {@link io.github.microcred.vc.VcErrorCode#INVALID_ARGUMENT} for an unusable credential id,
   *     {@link io.github.microcred.vc.VcErrorCode#STATUS_LIST_UNKNOWN},
   *     {@link io.github.microcred.vc.VcErrorCode#STATUS_LIST_FULL} or a storage failure
   */
  long allocate(String listId, String credentialId) throws VcException;

  /**
   * Sets the status of an allocated index. Purpose rules (revocation is final) are the caller's
   * ({@link StatusListManager}'s) job; the store checks the index is allocated and the value fits.
   *
   * @param listId the list URL
   * @param index an allocated index
   * @param value the new value
   * @throws VcException {@link io.github.microcred.vc.VcErrorCode#STATUS_INDEX_NOT_ALLOCATED},
   *     {@link io.github.microcred.vc.VcErrorCode#STATUS_VALUE_NOT_ALLOWED}, unknown list or storage failure
   */
  void setStatus(String listId, long index, int value) throws VcException;

  /**
   * Reads the status of an allocated index.
   *
   * @param listId the list URL
   * @param index an allocated index
   * @return the value
   * @throws VcException when the list is unknown or the index not allocated, or on storage failure
   */
  int status(String listId, long index) throws VcException;

  /**
   * Reads a consistent snapshot of a whole list: the allocated count, every non-zero status and the credential
   * ids bound to those entries.
   *
   * @param listId the list URL
   * @return the snapshot
   * @throws VcException when the list is unknown, or on storage failure
   */
  StatusSnapshot snapshot(String listId) throws VcException;

  /**
   * Releases connections or files.
   *
   * @throws VcException on storage failure
   */
  @Override
  void close() throws VcException;
}
