package io.github.microcred.vc.status;

import io.github.microcred.vc.testing.Peers;

class PostgresStatusStoreTest extends StatusStoreContract {
  @Override
  StatusStore open() throws Exception {
    return JdbcStatusStore.open(Peers.postgresUrl());
  }
}
