package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code mcred} (POSIX sh) and {@code mcred.cmd} (Windows) do the same: rebuild {@code cli/target/mcred.jar} with the
 * same Maven invocation when it is missing or older than a file under the same folders, then run it with the
 * arguments. No Windows machine runs in CI, so this compares the two scripts' text; {@code mcred} itself runs in the
 * demo tests.
 */
class LaunchScriptsTest {
  static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

  static Set<String> all(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void bothScriptsWatchTheSameFoldersAndBuildAndRunTheSameJar() throws IOException {
    String sh = Files.readString(ROOT.resolve("mcred"), StandardCharsets.UTF_8);
    String cmd = Files.readString(ROOT.resolve("mcred.cmd"), StandardCharsets.UTF_8);
    // what staleness is judged on
    Set<String> shWatched = all(Pattern.compile("\"\\$root/([\\w.-]+)\""), sh);
    Set<String> cmdWatched = all(Pattern.compile("'([\\w.-]+)'"), cmd);
    assertTrue(shWatched.contains("pom.xml") && shWatched.contains("core"), shWatched.toString());
    assertEquals(shWatched, cmdWatched);
    // every microcred module the CLI is built from: a change there must rebuild the jar
    String pom = Files.readString(ROOT.resolve("cli/pom.xml"), StandardCharsets.UTF_8);
    Set<String> modules = all(Pattern.compile("<artifactId>microcred-([\\w-]+)</artifactId>"), pom);
    modules.removeAll(Set.of("parent", "cli"));
    assertTrue(shWatched.containsAll(modules), "mcred watches " + shWatched + " but the CLI depends on " + modules);
    // the same jar, built by the same module selection with the tests skipped
    assertTrue(sh.contains("$root/cli/target/mcred.jar"), "mcred's jar path");
    assertTrue(cmd.contains("\\cli\\target\\mcred.jar"), "mcred.cmd's jar path");
    for (String arg : new String[] {"-DskipTests", "-pl cli -am package"}) {
      assertTrue(sh.contains(arg), "mcred lacks " + arg);
      assertTrue(cmd.contains(arg), "mcred.cmd lacks " + arg);
    }
    assertTrue(sh.contains("-jar \"$jar\" \"$@\""), "mcred passes its arguments on");
    assertTrue(cmd.contains("-jar \"%MCRED_JAR%\" %*"), "mcred.cmd passes its arguments on");
    // cmd.exe wants CRLF line ends, sh wants LF (see .gitattributes)
    assertFalse(cmd.replace("\r\n", "").contains("\n"), "mcred.cmd has a bare LF line end");
    assertFalse(sh.contains("\r"), "mcred has a CR");
  }
}
