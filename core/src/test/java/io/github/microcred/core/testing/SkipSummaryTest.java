package io.github.microcred.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The skip summary names every skipped test with its one-line reason; SharedData skips or fails as configured. */
class SkipSummaryTest {
  @TempDir Path tmp;

  /** Whether a sample runs inside {@link #run}'s launcher (surefire given a -Dtest pattern may pick it up too). */
  static boolean inNestedLauncher(ExtensionContext c) {
    return c.getConfigurationParameter(NESTED).isPresent();
  }

  static final String NESTED = "microcred.skipSummaryTest.nested";

  /** Sample tests run by a nested launcher (surefire does not pick up nested classes by default). */
  @EnabledIf(value = "io.github.microcred.core.testing.SkipSummaryTest#inNestedLauncher",
      disabledReason = "a sample for SkipSummaryTest: runs only inside its launcher")
  static class Sample {
    @Test
    void passes() {}

    @Test
    void aborts() {
      Assumptions.abort("peer X is missing: run Y to enable it\nsecond line not shown");
    }

    @Test
    @Disabled("not today")
    void disabled() {}

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void abortsThrice(int i) {
      Assumptions.assumeTrue(false, "needs Z");
    }
  }

  @EnabledIf(value = "io.github.microcred.core.testing.SkipSummaryTest#inNestedLauncher",
      disabledReason = "a sample for SkipSummaryTest: runs only inside its launcher")
  static class AbortedClass {
    @BeforeAll
    static void setUp() {
      Assumptions.abort("whole class needs W");
    }

    @Test
    void a() {}

    @Test
    void b() {}
  }

  List<String> run(Class<?>... classes) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path file = tmp.resolve("skipped-tests.txt");
    SkipSummary summary = new SkipSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), file);
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
        .enableTestExecutionListenerAutoRegistration(false).build());
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().configurationParameter(NESTED,
        "true");
    for (Class<?> c : classes) {
      request.selectors(selectClass(c));
    }
    launcher.execute(request.build(), summary);
    List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(printed, Files.readAllLines(file));
    return printed;
  }

  @Test
  void namesEverySkipWithItsReason() throws Exception {
    List<String> lines = run(Sample.class, AbortedClass.class);
    String module = System.getProperty("microcred.module", Path.of(System.getProperty("user.dir"))
        .getFileName().toString());
    assertEquals(List.of(
        "[skip summary] " + module + ": 6 skipped (4 reasons)",
        "[skip summary]   peer X is missing: run Y to enable it <- SkipSummaryTest$Sample.aborts",
        "[skip summary]   not today <- SkipSummaryTest$Sample.disabled",
        "[skip summary]   needs Z <- SkipSummaryTest$Sample.abortsThrice x3",
        "[skip summary]   whole class needs W <- SkipSummaryTest$AbortedClass (whole class)"), lines);
  }

  @Test
  void saysSoWhenNothingWasSkipped() throws Exception {
    List<String> lines = run();
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).endsWith(": no test skipped"), lines.get(0));
  }

  @Test
  void sharedDataSkipsWithAReasonOrFailsWhenRequired() {
    TestAbortedException skip = assertThrows(TestAbortedException.class,
        () -> SharedData.require("specs/ctdl/records/real/01.json", Optional.empty(), false));
    assertEquals("../shared is absent: needs specs/ctdl/records/real (reference data without an "
        + "open licence, kept outside the repository)", skip.getMessage());
    AssertionFailedError fail = assertThrows(AssertionFailedError.class,
        () -> SharedData.require("specs/ctdl/records/real", Optional.empty(), true));
    assertTrue(fail.getMessage().startsWith("MICROCRED_REQUIRE_SHARED=1 but ../shared is absent"), fail.getMessage());
    assertThrows(TestAbortedException.class, () -> SharedData.require("nope.json", Optional.of(tmp), false));
    assertEquals(tmp, SharedData.require("", Optional.of(tmp), true));
  }

  @Test
  void aMissingNodeHarnessSkipsOrFailsSayingHowToEnableIt() {
    Throwable t = assertThrows(Throwable.class, () -> NodeHarness.require("no-such-harness", "x"));
    boolean required = "1".equals(System.getenv("MICROCRED_REQUIRE_PEERS"));
    assertEquals(required ? AssertionFailedError.class : TestAbortedException.class, t.getClass(), t.toString());
    assertTrue(t.getMessage().contains("interop/no-such-harness: ")
        && t.getMessage().endsWith("run (cd interop/no-such-harness && npm ci) to enable it"), t.getMessage());
  }
}
