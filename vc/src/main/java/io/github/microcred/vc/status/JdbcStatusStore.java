package io.github.microcred.vc.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.internal.JsonSupport;
import io.github.microcred.vc.internal.status.IndexPermutation;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link StatusStore} in a relational database through JDBC (tested against PostgreSQL and H2 in file mode).
 *
 * <p>{@link #open(ConnectionSource)} migrates the schema (tables {@code mc_status_schema}, {@code mc_status_list},
 * {@code mc_status_entry}) to the version this library needs (version 2 adds {@code mc_status_entry.credential_id};
 * a database migrated by a newer library is refused). Each allocation and each update is one transaction:
 * the allocation counter row is locked while a counter value is taken, the index is derived from the counter by a
 * keyed permutation, and the primary key {@code (list_id, idx)} makes a reused index impossible. Transactions that
 * lose a lock race are retried. A method that returned has committed.
 */
public final class JdbcStatusStore implements StatusStore {

  /** Opens a new JDBC connection; {@code javax.sql.DataSource::getConnection} fits. */
  @FunctionalInterface
  public interface ConnectionSource {
    /**
     * Opens a connection.
     *
     * @return a new connection
     * @throws SQLException when the database cannot be reached
     */
    Connection open() throws SQLException;
  }

  /** The schema version this library writes. */
  public static final int SCHEMA_VERSION = 2;

  private static final int MAX_ATTEMPTS = 200;
  private static final ObjectMapper JSON = JsonSupport.MAPPER;
  private static final List<String[]> MIGRATIONS = List.<String[]>of(
      new String[] {
        "CREATE TABLE mc_status_list ("
            + "list_id VARCHAR(2048) NOT NULL PRIMARY KEY, "
            + "purpose VARCHAR(32) NOT NULL, "
            + "status_size INTEGER NOT NULL, "
            + "entries INTEGER NOT NULL, "
            + "messages VARCHAR(65536) NOT NULL, "
            + "perm_key VARCHAR(64) NOT NULL, "
            + "allocated BIGINT NOT NULL)",
        "CREATE TABLE mc_status_entry ("
            + "list_id VARCHAR(2048) NOT NULL, "
            + "idx BIGINT NOT NULL, "
            + "status INTEGER NOT NULL, "
            + "PRIMARY KEY (list_id, idx))"
      },
      // version 2: the credential id bound at allocation (1EdTech Revocation Lists name revoked credentials by id);
      // entries allocated under version 1 have none
      new String[] {
        "ALTER TABLE mc_status_entry ADD COLUMN credential_id VARCHAR(" + MAX_CREDENTIAL_ID_LENGTH + ")"
      });

  private final ConnectionSource source;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile boolean closed;

  private record Cached(StatusListDefinition definition, IndexPermutation permutation) {}

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException, VcException;
  }

  private JdbcStatusStore(ConnectionSource source) {
    this.source = source;
  }

  /**
   * Opens a store and migrates its schema.
   *
   * @param source where connections come from
   * @return the store
   * @throws VcException {@link VcErrorCode#STATUS_STORE_FAILURE} when the database is unreachable or its schema is
   *     newer than this library
   */
  public static JdbcStatusStore open(ConnectionSource source) throws VcException {
    JdbcStatusStore store = new JdbcStatusStore(Objects.requireNonNull(source, "source"));
    store.migrate();
    return store;
  }

  /**
   * Opens a store at a JDBC URL (the driver must be on the class path).
   *
   * @param jdbcUrl for example {@code jdbc:postgresql://127.0.0.1:5432/microcred?user=...}
   * @return the store
   * @throws VcException when the database is unreachable
   */
  public static JdbcStatusStore open(String jdbcUrl) throws VcException {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return open(() -> DriverManager.getConnection(jdbcUrl));
  }

  /**
   * The JDBC URL of an embedded H2 database in file mode at {@code file} (H2 appends {@code .mv.db}), with every
   * commit written through to the file so that a killed process loses no acknowledged update. Needs
   * {@code com.h2database:h2} on the class path.
   *
   * @param file the database file, without the {@code .mv.db} suffix
   * @return the URL
   */
  public static String embeddedH2Url(Path file) {
    return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
  }

  // ---------------------------------------------------------------- schema

  private void migrate() throws VcException {
    try {
      inAutoCommit(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE IF NOT EXISTS mc_status_schema (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
        }
        return null;
      });
    } catch (VcException e) {
      // another process may have created it concurrently; the next step tells
    }
    inAutoCommit(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM mc_status_schema WHERE id = 1");
          ResultSet r = p.executeQuery()) {
        r.next();
        if (r.getInt(1) == 0) {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO mc_status_schema (id, version) VALUES (1, 0)");
          } catch (SQLException dup) {
            // inserted concurrently by another process
          }
        }
      }
      return null;
    });
    inTransaction(c -> {
      int version;
      try (PreparedStatement p = c.prepareStatement("SELECT version FROM mc_status_schema WHERE id = 1 FOR UPDATE");
          ResultSet r = p.executeQuery()) {
        r.next();
        version = r.getInt(1);
      }
      if (version > SCHEMA_VERSION) {
        throw new VcException(
            VcErrorCode.STATUS_STORE_FAILURE,
            "status store schema version " + version + " is newer than this library's " + SCHEMA_VERSION);
      }
      for (int v = version; v < SCHEMA_VERSION; v++) {
        try (Statement s = c.createStatement()) {
          for (String sql : MIGRATIONS.get(v)) {
            s.execute(sql);
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("UPDATE mc_status_schema SET version = ? WHERE id = 1")) {
        p.setInt(1, SCHEMA_VERSION);
        p.executeUpdate();
      }
      return null;
    });
  }

  // ---------------------------------------------------------------- StatusStore

  @Override
  public void createList(StatusListDefinition definition) throws VcException {
    Objects.requireNonNull(definition, "definition");
    byte[] key = new byte[32];
    random.nextBytes(key);
    String messages = messagesJson(definition.messages());
    inTransaction(c -> {
      Optional<Cached> existing = load(c, definition.id());
      if (existing.isPresent()) {
        if (!existing.get().definition().equals(definition)) {
          throw new VcException(
              VcErrorCode.INVALID_ARGUMENT, "a different status list with id " + definition.id() + " exists");
        }
        return null;
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO mc_status_list (list_id, purpose, status_size, entries, messages, perm_key, allocated) "
              + "VALUES (?, ?, ?, ?, ?, ?, 0)")) {
        p.setString(1, definition.id());
        p.setString(2, definition.purpose().term());
        p.setInt(3, definition.statusSize());
        p.setInt(4, definition.entries());
        p.setString(5, messages);
        p.setString(6, HexFormat.of().formatHex(key));
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<StatusListDefinition> findList(String listId) throws VcException {
    return cached(listId).map(Cached::definition);
  }

  @Override
  public List<String> listIds() throws VcException {
    return inTransaction(c -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT list_id FROM mc_status_list ORDER BY list_id");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return List.copyOf(ids);
    });
  }

  @Override
  public long allocate(String listId) throws VcException {
    return allocate(require(listId), null);
  }

  @Override
  public long allocate(String listId, String credentialId) throws VcException {
    InMemoryStatusStore.checkCredentialId(credentialId);
    return allocate(require(listId), credentialId);
  }

  private long allocate(Cached list, String credentialId) throws VcException {
    String listId = list.definition().id();
    return inTransaction(c -> {
      int updated;
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE mc_status_list SET allocated = allocated + 1 WHERE list_id = ? AND allocated < entries")) {
        p.setString(1, listId);
        updated = p.executeUpdate();
      }
      if (updated == 0) {
        throw new VcException(VcErrorCode.STATUS_LIST_FULL, "status list " + listId + " is full");
      }
      long counter;
      try (PreparedStatement p = c.prepareStatement("SELECT allocated FROM mc_status_list WHERE list_id = ?")) {
        p.setString(1, listId);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          counter = r.getLong(1) - 1;
        }
      }
      long index = list.permutation().permute(counter);
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO mc_status_entry (list_id, idx, status, credential_id) VALUES (?, ?, 0, ?)")) {
        p.setString(1, listId);
        p.setLong(2, index);
        if (credentialId == null) {
          p.setNull(3, Types.VARCHAR);
        } else {
          p.setString(3, credentialId);
        }
        p.executeUpdate();
      }
      return index;
    });
  }

  @Override
  public void setStatus(String listId, long index, int value) throws VcException {
    Cached list = require(listId);
    if (!list.definition().allows(value)) {
      throw new VcException(
          VcErrorCode.STATUS_VALUE_NOT_ALLOWED,
          "status " + value + " does not fit " + list.definition().statusSize() + " bit(s) of list " + listId);
    }
    inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE mc_status_entry SET status = ? WHERE list_id = ? AND idx = ?")) {
        p.setInt(1, value);
        p.setString(2, listId);
        p.setLong(3, index);
        if (p.executeUpdate() == 0) {
          throw InMemoryStatusStore.notAllocated(listId, index);
        }
      }
      return null;
    });
  }

  @Override
  public int status(String listId, long index) throws VcException {
    require(listId);
    return inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT status FROM mc_status_entry WHERE list_id = ? AND idx = ?")) {
        p.setString(1, listId);
        p.setLong(2, index);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            throw InMemoryStatusStore.notAllocated(listId, index);
          }
          return r.getInt(1);
        }
      }
    });
  }

  @Override
  public StatusSnapshot snapshot(String listId) throws VcException {
    Cached list = require(listId);
    return inTransaction(c -> {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long allocated;
        try (PreparedStatement p = c.prepareStatement("SELECT allocated FROM mc_status_list WHERE list_id = ?")) {
          p.setString(1, listId);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            allocated = r.getLong(1);
          }
        }
        Map<Long, Integer> statuses = new HashMap<>();
        Map<Long, String> ids = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement(
            "SELECT idx, status, credential_id FROM mc_status_entry WHERE list_id = ? AND status <> 0")) {
          p.setString(1, listId);
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              statuses.put(r.getLong(1), r.getInt(2));
              String id = r.getString(3);
              if (id != null) {
                ids.put(r.getLong(1), id);
              }
            }
          }
        }
        c.commit();
        return new StatusSnapshot(list.definition(), allocated, statuses, ids);
      } finally {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    });
  }

  @Override
  public void close() throws VcException {
    closed = true;
    SQLException first = null;
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new VcException(VcErrorCode.STATUS_STORE_FAILURE, "closing the status store failed: " + first.getMessage(), first);
    }
  }

  // ---------------------------------------------------------------- helpers

  private Cached require(String listId) throws VcException {
    return cached(listId)
        .orElseThrow(() -> new VcException(VcErrorCode.STATUS_LIST_UNKNOWN, "no status list with id " + listId));
  }

  private Optional<Cached> cached(String listId) throws VcException {
    Cached hit = cache.get(listId);
    if (hit != null) {
      return Optional.of(hit);
    }
    Optional<Cached> loaded = inTransaction(c -> load(c, listId));
    loaded.ifPresent(l -> cache.putIfAbsent(listId, l));
    return loaded;
  }

  private Optional<Cached> load(Connection c, String listId) throws SQLException, VcException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT purpose, status_size, entries, messages, perm_key FROM mc_status_list WHERE list_id = ?")) {
      p.setString(1, listId);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String purposeTerm = r.getString(1);
        StatusPurpose purpose = StatusPurpose.fromTerm(purposeTerm)
            .orElseThrow(() -> new VcException(
                VcErrorCode.STATUS_STORE_FAILURE, "mc_status_list.purpose: unknown purpose " + purposeTerm));
        StatusListDefinition def;
        try {
          def = new StatusListDefinition(listId, purpose, r.getInt(2), r.getInt(3), parseMessages(r.getString(4)));
        } catch (IllegalArgumentException e) {
          throw new VcException(VcErrorCode.STATUS_STORE_FAILURE, "mc_status_list row " + listId + ": " + e.getMessage(), e);
        }
        byte[] key = HexFormat.of().parseHex(r.getString(5));
        return Optional.of(new Cached(def, new IndexPermutation(def.entries(), key)));
      }
    }
  }

  private static String messagesJson(List<StatusMessage> messages) {
    ArrayNode a = JSON.createArrayNode();
    for (StatusMessage m : messages) {
      a.addObject().put("status", m.status()).put("message", m.message());
    }
    return a.toString();
  }

  private static List<StatusMessage> parseMessages(String json) throws VcException {
    try {
      List<StatusMessage> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        out.add(new StatusMessage(n.get("status").asInt(), n.get("message").asText()));
      }
      return out;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new VcException(VcErrorCode.STATUS_STORE_FAILURE, "mc_status_list.messages: not valid JSON", e);
    }
  }

  private <T> T inAutoCommit(Work<T> work) throws VcException {
    Connection c = borrow();
    boolean ok = false;
    try {
      c.setAutoCommit(true);
      T t = work.run(c);
      ok = true;
      return t;
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      release(c, ok);
    }
  }

  private <T> T inTransaction(Work<T> work) throws VcException {
    for (int attempt = 1; ; attempt++) {
      Connection c = borrow();
      boolean reusable = false;
      try {
        c.setAutoCommit(false);
        T t = work.run(c);
        c.commit();
        reusable = true;
        return t;
      } catch (VcException e) {
        reusable = rollback(c);
        throw e;
      } catch (SQLException e) {
        boolean rolledBack = rollback(c);
        reusable = rolledBack;
        if (rolledBack && isTransient(e) && attempt < MAX_ATTEMPTS) {
          backoff(attempt);
          continue;
        }
        throw failure(e);
      } finally {
        release(c, reusable);
      }
    }
  }

  private static boolean isTransient(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (x instanceof SQLTransientException
          || (state != null
              && (state.startsWith("40") || state.equals("HYT00") || state.equals("90131")))) {
        return true;
      }
      if (x.getNextException() == x) {
        break;
      }
    }
    return false;
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 20)));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean rollback(Connection c) {
    try {
      c.rollback();
      return true;
    } catch (SQLException ignored) {
      return false;
    }
  }

  private Connection borrow() throws VcException {
    if (closed) {
      throw new VcException(VcErrorCode.STATUS_STORE_FAILURE, "the status store is closed");
    }
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    try {
      Connection fresh = source.open();
      fresh.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      return fresh;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void release(Connection c, boolean reusable) {
    if (reusable && !closed) {
      idle.push(c);
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // a broken connection is discarded either way
    }
  }

  private static VcException failure(SQLException e) {
    return new VcException(
        VcErrorCode.STATUS_STORE_FAILURE,
        "status store: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
        e);
  }
}
