package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forks a JVM that writes to the embedded store, kills it with SIGKILL mid-run, restarts the store and checks that
 * no acknowledged allocation or revocation was lost and that no index is handed out again.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void killedWriterLosesNoAcknowledgedRevocationAndReusesNoIndex() throws Exception {
    Path db = dir.resolve("status");
    String list = "https://example.edu/status/crash";
    Set<Long> allocated = new HashSet<>();
    Set<Long> revoked = new HashSet<>();
    for (int round = 0; round < 2; round++) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          CrashWriter.class.getName(), db.toString(), list)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
        String line = out.readLine();
        assertEquals("READY", line, "child did not start");
        int acks = 0;
        while (acks < 1500 && (line = out.readLine()) != null) {
          long i = Long.parseLong(line.substring(2));
          if (line.startsWith("A ")) {
            assertTrue(allocated.add(i), "round " + round + ": index " + i + " allocated again after restart");
          } else {
            revoked.add(i);
          }
          acks++;
        }
        assertNotNull(line, "child stopped on its own");
        child.destroyForcibly(); // SIGKILL mid-run: no shutdown hooks, no clean close
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }
    }
    assertFalse(revoked.isEmpty());
    try (StatusStore store = JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(db))) {
      StatusListManager m = StatusListManager.create(store);
      BitstringStatusList bits = m.bitstring(list);
      for (long i : revoked) {
        assertEquals(1, bits.status(i), "acknowledged revocation of index " + i + " was lost");
      }
      for (long i : allocated) {
        store.status(list, i); // throws STATUS_INDEX_NOT_ALLOCATED if the acknowledged allocation was lost
      }
      assertTrue(store.snapshot(list).allocated() >= allocated.size());
      for (int k = 0; k < 500; k++) {
        long fresh = m.allocate(list).index();
        assertFalse(allocated.contains(fresh), "index " + fresh + " reused after the crash");
        allocated.add(fresh);
      }
    }
  }
}
