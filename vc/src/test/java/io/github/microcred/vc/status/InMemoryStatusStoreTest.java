package io.github.microcred.vc.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.microcred.vc.VcErrorCode;
import io.github.microcred.vc.VcException;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class InMemoryStatusStoreTest extends StatusStoreContract {
  @Override
  StatusStore open() {
    return new InMemoryStatusStore();
  }

  @Test
  void fillsEveryIndexExactlyOnceThenReportsFull() throws Exception {
    try (StatusStore store = open()) {
      String id = freshId();
      store.createList(StatusListDefinition.revocation(id));
      BitSet seen = new BitSet();
      for (int i = 0; i < StatusListDefinition.MIN_ENTRIES; i++) {
        long x = store.allocate(id);
        assertEquals(false, seen.get((int) x), "index " + x + " twice");
        seen.set((int) x);
      }
      assertEquals(StatusListDefinition.MIN_ENTRIES, seen.cardinality());
      assertEquals(VcErrorCode.STATUS_LIST_FULL, assertThrows(VcException.class, () -> store.allocate(id)).code());
    }
  }
}
