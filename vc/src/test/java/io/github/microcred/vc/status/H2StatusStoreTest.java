package io.github.microcred.vc.status;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2StatusStoreTest extends StatusStoreContract {
  @TempDir Path dir;

  @Override
  StatusStore open() throws Exception {
    return JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(dir.resolve("status")));
  }
}
