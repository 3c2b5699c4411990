package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StatusStoreTest extends StatusStoreContract {
  @TempDir Path dir;

  @Override
  StatusStore open() throws Exception {
    return JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(dir.resolve("status")));
  }

  @Test
  void aVersion1DatabaseIsMigratedAndKeepsItsEntries() throws Exception {
    String url = JdbcStatusStore.embeddedH2Url(dir.resolve("v1"));
    String list = "https://example.edu/status/v1";
    // the version 1 schema and rows exactly as the previous release wrote them
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE mc_status_schema (id INTEGER NOT NULL PRIMARY KEY, version INTEGER NOT NULL)");
      s.execute("INSERT INTO mc_status_schema (id, version) VALUES (1, 1)");
      s.execute("CREATE TABLE mc_status_list (list_id VARCHAR(2048) NOT NULL PRIMARY KEY, purpose VARCHAR(32) NOT "
          + "NULL, status_size INTEGER NOT NULL, entries INTEGER NOT NULL, messages VARCHAR(65536) NOT NULL, perm_key "
          + "VARCHAR(64) NOT NULL, allocated BIGINT NOT NULL)");
      s.execute("CREATE TABLE mc_status_entry (list_id VARCHAR(2048) NOT NULL, idx BIGINT NOT NULL, status INTEGER "
          + "NOT NULL, PRIMARY KEY (list_id, idx))");
      s.execute("INSERT INTO mc_status_list VALUES ('" + list + "', 'revocation', 1, 131072, '[]', '"
          + "00".repeat(32) + "', 2)");
      s.execute("INSERT INTO mc_status_entry VALUES ('" + list + "', 7, 1)");
      s.execute("INSERT INTO mc_status_entry VALUES ('" + list + "', 9, 0)");
    }
    try (StatusStore store = JdbcStatusStore.open(url)) {
      StatusListManager m = StatusListManager.create(store);
      assertEquals(1, m.status(list, 7));
      assertEquals(Map.of(7L, 1), store.snapshot(list).statuses());
      assertEquals(Map.of(), store.snapshot(list).credentialIds(), "a version 1 entry has no credential id");
      long i = m.allocate(list, "urn:uuid:after-migration").index();
      m.revoke(list, i);
      assertEquals(Map.of(i, "urn:uuid:after-migration"), store.snapshot(list).credentialIds());
      assertEquals(3, store.snapshot(list).allocated());
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version FROM mc_status_schema WHERE id = 1")) {
      r.next();
      assertEquals(JdbcStatusStore.SCHEMA_VERSION, r.getInt(1));
      assertEquals(2, JdbcStatusStore.SCHEMA_VERSION);
    }
  }
}
