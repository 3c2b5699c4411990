package io.github.microcred.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
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
  void theQuickStartCompilesAndRunsAgainstTheModules(@TempDir Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, "--release", "17", "-Xlint:all",
        "-Werror", QUICK_START.toString());
    assertEquals(0, rc, "QuickStart.java compiles without warnings");
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String e : cp.split(File.pathSeparator)) {
      urls.add(Path.of(e).toUri().toURL());
    }
    java.io.PrintStream stdout = System.out;
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Method main = loader.loadClass("example.QuickStart").getMethod("main", String[].class);
      System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
      Thread.currentThread().setContextClassLoader(loader);   // service lookups (JSON-P, JDBC) see its classes
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
      Thread.currentThread().setContextClassLoader(context);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).contains(
        "quick start: issued, verified, presented, revoked, published and audited"), captured.toString());
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
