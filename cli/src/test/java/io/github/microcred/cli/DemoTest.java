package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The main job end to end: every step of {@code mcred demo} runs and reports what it should. */
class DemoTest {
  @Test
  void demoRunsEndToEnd() {
    MainTest.Run r = MainTest.run("demo");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("validation: valid"), r.out());
    assertTrue(r.out().contains("== issue and verify"), r.out());
    assertTrue(r.out().contains("tampered achievement name -> NOT VERIFIED"), r.out());
    assertTrue(r.out().contains("verify again:      NOT VERIFIED"), r.out());
  }
}
