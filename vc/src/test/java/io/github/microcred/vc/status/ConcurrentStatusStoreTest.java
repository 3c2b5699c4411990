package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.microcred.vc.testing.Peers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 threads × 10,000 mixed allocate / revoke / suspend / resume operations; afterwards the published list equals
 * the log of acknowledged operations exactly and no index was handed out twice.
 */
class ConcurrentStatusStoreTest {
  static final int THREADS = 8;
  static final int OPS = 10_000;
  static final long SEED = 0xC0FFEEL;

  @TempDir Path dir;

  @Test
  void embeddedH2LosesNothingUnderConcurrentWriters() throws Exception {
    try (StatusStore store = JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(dir.resolve("status")))) {
      run(store);
    }
  }

  @Test
  void postgresLosesNothingUnderConcurrentWriters() throws Exception {
    try (StatusStore store = JdbcStatusStore.open(Peers.postgresUrl())) {
      run(store);
    }
  }

  /** What one thread did: every index it allocated per list, and the last value it wrote per index. */
  record Log(Map<String, List<Long>> allocated, Map<String, Map<Long, Integer>> values) {}

  static void run(StatusStore store) throws Exception {
    StatusListManager m = StatusListManager.create(store);
    String rev = StatusStoreContract.freshId();
    String sus = StatusStoreContract.freshId();
    m.createList(StatusListDefinition.revocation(rev));
    m.createList(StatusListDefinition.suspension(sus));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Log>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = SEED + t;
      futures.add(pool.submit(() -> work(m, rev, sus, seed)));
    }
    pool.shutdown();
    List<Log> logs = new ArrayList<>();
    for (Future<Log> f : futures) {
      logs.add(f.get());
    }
    for (String list : List.of(rev, sus)) {
      Set<Long> all = new HashSet<>();
      int total = 0;
      Map<Long, Integer> expected = new HashMap<>();
      for (Log log : logs) {
        List<Long> mine = log.allocated().get(list);
        total += mine.size();
        all.addAll(mine);
        log.values().get(list).forEach((i, v) -> {
          if (v != 0) {
            expected.put(i, v);
          }
        });
      }
      assertEquals(total, all.size(), "seed " + SEED + ": an index of " + list + " was allocated twice");
      StatusSnapshot snap = store.snapshot(list);
      assertEquals(total, snap.allocated(), "seed " + SEED + ": allocation count of " + list);
      String encoded = m.statusListCredential(list, "did:example:issuer", Instant.EPOCH)
          .get("credentialSubject").get("encodedList").asText();
      BitstringStatusList published = BitstringStatusList.decode(encoded, 1);
      BitstringStatusList fromLog = BitstringStatusList.of(StatusListDefinition.MIN_ENTRIES, 1, expected);
      assertArrayEquals(fromLog.toBytes(), published.toBytes(),
          "seed " + SEED + ": published list " + list + " differs from the operation log");
      assertTrue(total > 1000, "the mix allocated too little to mean anything: " + total);
    }
  }

  static Log work(StatusListManager m, String rev, String sus, long seed) throws Exception {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, List<Long>> allocated = Map.of(rev, new ArrayList<>(), sus, new ArrayList<>());
    Map<String, Map<Long, Integer>> values = Map.of(rev, new HashMap<>(), sus, new HashMap<>());
    for (int op = 0; op < OPS; op++) {
      int r = rnd.nextInt(100);
      List<Long> myRev = allocated.get(rev);
      List<Long> mySus = allocated.get(sus);
      if (r < 40 || myRev.isEmpty() || mySus.isEmpty()) {
        String list = rnd.nextBoolean() ? rev : sus;
        long i = m.allocate(list).index();
        allocated.get(list).add(i);
        values.get(list).put(i, 0);
      } else if (r < 60) {
        long i = myRev.get(rnd.nextInt(myRev.size()));
        m.revoke(rev, i);
        values.get(rev).put(i, 1);
      } else if (r < 80) {
        long i = mySus.get(rnd.nextInt(mySus.size()));
        m.suspend(sus, i);
        values.get(sus).put(i, 1);
      } else {
        long i = mySus.get(rnd.nextInt(mySus.size()));
        m.resume(sus, i);
        values.get(sus).put(i, 0);
      }
    }
    return new Log(allocated, values);
  }
}
