package io.github.microcred.vc.status;

/**
 * The child process of {@link CrashSafetyTest}: writes to an embedded store forever, printing an acknowledgement
 * line after each operation returned ({@code A index} allocated, {@code R index} revoked).
 */
public final class CrashWriter {
  private CrashWriter() {}

  /**
   * Runs until killed.
   *
   * @param args the database file and the list id
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    StatusStore store = JdbcStatusStore.open(JdbcStatusStore.embeddedH2Url(java.nio.file.Path.of(args[0])));
    StatusListManager m = StatusListManager.create(store);
    String list = args[1];
    m.createList(StatusListDefinition.revocation(list));
    System.out.println("READY");
    System.out.flush();
    while (true) {
      long i = m.allocate(list).index();
      System.out.println("A " + i);
      m.revoke(list, i);
      System.out.println("R " + i);
      System.out.flush();
    }
  }
}
