package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Quick start runs as written. Every {@code java} block of the README (and each block marked
 * {@code <!-- snippet: FILE#REGION -->}) is a region of {@code examples/consumer} (its {@code QuickStart.java} or
 * its {@code pom.xml}), and the text must be the same; the QuickStart is compiled and run here against the modules'
 * classes, and {@code .ci/run} builds the consumer project against the installed artifacts. The BOM names every
 * published artifact the consumer uses and manages the JDBC drivers at the parent's versions.
 */
class ReadmeQuickStartTest {
  static final Path ROOT = Path.of("..");
  static final Path README = ROOT.resolve("README.md");
  static final Path QUICK_START = ROOT.resolve("examples/consumer/src/main/java/example/QuickStart.java");
  static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#(\\S+) -->$");

  record Block(int line, String lang, String text, String file, String region) {}

  static List<Block> blocks() throws Exception {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```") || lines.get(i).length() == 3) {
        continue;
      }
      String lang = lines.get(i).substring(3).strip();
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).equals("```")) {
        end++;
      }
      Matcher m = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
      out.add(new Block(i + 1, lang, String.join("\n", lines.subList(start, end)),
          m != null && m.matches() ? m.group(1) : null, m != null && m.matches() ? m.group(2) : null));
      i = end;
    }
    return out;
  }

  /** The lines between the region's start and end markers, dedented by the start marker's indentation. */
  static String region(Path file, String name) throws Exception {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean xml = file.toString().endsWith(".xml");
    String open = xml ? "<!-- region " + name + " -->" : "// region " + name;
    String close = xml ? "<!-- endregion -->" : "// endregion";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(open)) {
        int indent = lines.get(i).indexOf(open);
        List<String> body = new ArrayList<>();
        for (int j = i + 1; j < lines.size(); j++) {
          String l = lines.get(j);
          if (l.strip().equals(close)) {
            return String.join("\n", body);
          }
          body.add(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip());
        }
        fail(file + ": region " + name + " has no end marker");
      }
    }
    fail(file + ": no region " + name);
    return null;
  }

  @Test
  void everyJavaBlockOfTheReadmeIsARegionOfTheQuickStartWordForWord() throws Exception {
    int java = 0;
    for (Block b : blocks()) {
      if (b.lang().equals("java") && b.file() == null) {
        fail("README.md line " + b.line() + ": a java block without a <!-- snippet: FILE#REGION --> marker; put "
            + "the code in examples/consumer/src/main/java/example/QuickStart.java and mark the block");
      }
      if (b.file() == null) {
        continue;
      }
      java += b.lang().equals("java") ? 1 : 0;
      String expected = region(ROOT.resolve(b.file()), b.region());
      assertEquals(expected, b.text(), "README.md line " + b.line() + " differs from " + b.file() + "#" + b.region()
          + "; change both together");
    }
    assertTrue(java >= 6, "the Quick start has its java blocks: " + java);
  }

  @Test
  void theQuickStartCompilesAndRunsAgainstTheModules(@TempDir Path tmp) throws Exception {
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, "--release", "17", "-Xlint:all",
        "-Werror", QUICK_START.toString());
    assertEquals(0, rc, "QuickStart.java compiles without warnings");
    // run in a JVM of its own, as a consumer would, in an empty working directory (the status store goes to target/)
    Path work = Files.createDirectories(tmp.resolve("work/target")).getParent();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(javaBin.toString(), "-cp", classes + File.pathSeparator + cp, "example.QuickStart")
        .directory(work.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the QuickStart ends");
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("quick start: issued, verified, presented, revoked, published and audited"), output);
  }

  @Test
  void theReadmeNamesTheInstallStepAndEveryArtifactAndTheBomManagesThemAndTheDrivers() throws Exception {
    String readme = Files.readString(README);
    assertTrue(readme.contains("./mvnw install"), "the install step is named");
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String deps = region(ROOT.resolve("examples/consumer/pom.xml"), "dependencies");
    Set<String> managed = artifacts(bom);
    Set<String> used = artifacts(deps.replaceAll("(?s)<!--.*?-->", ""));
    assertEquals(Set.of("microcred-core", "microcred-vc", "microcred-status-h2", "microcred-ctdl",
        "microcred-stacking"), used);
    assertTrue(managed.containsAll(used), "the BOM manages " + used + ": " + managed);
    for (String a : used) {
      assertTrue(readme.contains("`" + a + "`"), "the README names " + a);
    }
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    for (String p : new String[] {"h2.version", "postgresql.version"}) {
      assertEquals(property(parent, p), property(bom, p), p + " in bom/pom.xml equals the parent's");
    }
    assertTrue(managed.contains("postgresql") && managed.contains("h2"), "the BOM manages the drivers: " + managed);
  }

  static Set<String> artifacts(String pom) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom);
    while (m.find()) {
      out.add(m.group(1));
    }
    out.remove("microcred-bom");
    return out;
  }

  static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertTrue(m.find(), name);
    return m.group(1);
  }

}
