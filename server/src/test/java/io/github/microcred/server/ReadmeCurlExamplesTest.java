package io.github.microcred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.KeyPair;
import io.github.microcred.vc.KeyType;
import io.github.microcred.vc.SecretKeyAccess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's server section works as written: every command of its {@code sh} blocks is run against a started
 * server, in a working directory of its own. {@code ./mcred keygen}, {@code mkdir}, {@code cp}, {@code ./mcred
 * serve} (the README's configuration file, read as {@code mcred serve} reads it; port 0 instead of the README's port,
 * whose URLs are checked to match it) and the {@code jq} filters ({@code {key: .path, key: "text"}}) are done in
 * process; {@code curl} becomes the same request by java.net.http (HTTPS on 127.0.0.1, {@code -k}: the self-signed
 * certificate; curl's {@code -d} default media type when no {@code Content-Type} is given). Each answer must have the
 * status and members the README's endpoint table gives for the success of that endpoint; after the {@code revoke}
 * example, the verify example must get the table's "not verified" status. A command the test cannot run (an elided
 * {@code ...}, an unknown program or option, a jq filter beyond the subset) fails the test: the README then shows
 * something no user can paste.
 */
class ReadmeCurlExamplesTest {
  static final Path REPO = Path.of("..");

  /** One shell word: literal text, a variable, or a command substitution, concatenated. */
  sealed interface Part permits Lit, Var, Subst {}

  record Lit(String text) implements Part {}

  record Var(String name) implements Part {}

  record Subst(List<List<Part>> command) implements Part {}

  /** A command: its words, and the file its standard output goes to ({@code > FILE}), or null. */
  record Command(List<List<Part>> words, List<Part> out, String source) {}

  /** An endpoint table row: method, path pattern, the success status and member alternatives, the failure text. */
  record Row(String method, Pattern path, int status, List<List<String>> members, String failure) {}

  @Test
  void theServerSectionsExamplesAnswerAsTheReadmeSays(@TempDir Path dir) throws Exception {
    String readme = Files.readString(REPO.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### server (W3C VC-API)");
    assertTrue(start >= 0, "README: no server section");
    int end = readme.indexOf("\n#### ", start);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<Row> table = table(section);
    assertTrue(table.size() >= 8, "README: the endpoint table was not found: " + table);
    // the configuration file of the section is the server.json of the examples
    int cfg = section.indexOf("```json\n", section.indexOf("The configuration file ("));
    assertTrue(section.indexOf("The configuration file (") > 0 && cfg > 0, "README: no configuration file block");
    Files.writeString(dir.resolve("server.json"), section.substring(cfg + 8, section.indexOf("```", cfg + 8)),
        StandardCharsets.UTF_8);
    List<Command> commands = new ArrayList<>();
    Matcher sh = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (sh.find()) {
      commands.addAll(parse(sh.group(1)));
    }
    Map<String, String> vars = new HashMap<>();
    VcApiServer server = null;
    List<Command> curls = new ArrayList<>();
    int readmePort = -1;
    try {
      for (Command c : commands) {
        List<String> w = c.words().stream().map(x -> literal(x, c)).toList();
        switch (w.get(0)) {
          case "./mcred" -> {
            if (w.get(1).equals("keygen")) {
              String type = option(w, "--type", c);
              Path out = dir.resolve(option(w, "--out", c));
              assertFalse(Files.exists(out), c.source() + ": keygen refuses an existing file");
              Files.writeString(out, KeyPair.generate(KeyType.parse(type)).toKeyFile("jwk", SecretKeyAccess.get())
                  .toPrettyString());
            } else if (w.get(1).equals("serve")) {
              ServerConfig.Builder b = ServerConfig.read(dir.resolve(option(w, "--config", c)))
                  .environment(Map.of());
              readmePort = Integer.parseInt(option(w, "--port", c));
              b.port(0); // the README's port may be taken on this machine; its URLs are checked against it
              if (w.contains("--http")) {
                b.tls(false);
              }
              server = VcApiServer.start(b.build());
            } else {
              fail(c.source() + ": an mcred command this test does not know");
            }
          }
          case "mkdir" -> Files.createDirectories(dir.resolve(w.get(w.size() - 1)));
          case "cp" -> {
            Path from = REPO.resolve(w.get(1)); // the examples are paths of the repository
            assertTrue(Files.isRegularFile(from), c.source() + ": no such file in the repository");
            Files.copy(from, dir.resolve(w.get(2)));
          }
          case "curl" -> curls.add(c);
          default -> {
            Matcher a = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)").matcher(w.get(0));
            if (w.size() != 1 || !a.matches()) {
              fail(c.source() + ": a command this test cannot run");
            }
            assertNotNull(server, c.source() + ": a variable set before the server started");
            vars.put(a.group(1), placeholder(a.group(2), server, c));
          }
        }
      }
      assertNotNull(server, "README: no './mcred serve' example");
      assertTrue(curls.size() >= 5, "README: expected the curl examples of the section, got " + curls.size());
      // those that write a file first (others read it), status updates last (they change what verify answers)
      List<Command> order = new ArrayList<>();
      curls.stream().filter(c -> c.out() != null).forEach(order::add);
      curls.stream().filter(c -> c.out() == null && !isStatusUpdate(c)).forEach(order::add);
      curls.stream().filter(c -> c.out() == null && isStatusUpdate(c)).forEach(order::add);
      Map<Command, Row> rows = new LinkedHashMap<>();
      boolean revoked = false;
      for (Command c : order) {
        Row row = curl(c, dir, vars, server, readmePort, table, false);
        rows.put(c, row);
        revoked |= isStatusUpdate(c) && literalBody(c, dir, vars).contains("\"revoke\"");
      }
      assertTrue(revoked, "README: no revoke example");
      // "the verify endpoints show the change as soon as the answer is sent"
      int verifies = 0;
      for (Command c : curls) {
        if (rows.get(c).path().pattern().equals(Pattern.quote("/credentials/verify"))) {
          curl(c, dir, vars, server, readmePort, table, true);
          verifies++;
        }
      }
      assertTrue(verifies > 0, "README: no verify example");
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  static boolean isStatusUpdate(Command c) {
    return c.source().contains("/credentials/status");
  }

  /** Runs a curl example and checks its answer against the table; returns the row it was checked against. */
  static Row curl(Command c, Path dir, Map<String, String> vars, VcApiServer server, int readmePort, List<Row> table,
      boolean afterRevoke) throws Exception {
    String url = null;
    String body = null;
    String method = null;
    Map<String, String> headers = new LinkedHashMap<>();
    List<List<Part>> words = c.words();
    for (int i = 1; i < words.size(); i++) {
      String w = expand(words.get(i), dir, vars, c);
      switch (w) {
        case "-s", "-k", "-sk", "-ks", "-S", "-sS" -> { } // silence, and -k: the self-signed certificate
        case "-H" -> {
          String h = expand(words.get(++i), dir, vars, c);
          int colon = h.indexOf(':');
          assertTrue(colon > 0, c.source() + ": a header without a colon: " + h);
          headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        case "-d", "--data" -> body = expand(words.get(++i), dir, vars, c);
        case "-X" -> method = expand(words.get(++i), dir, vars, c);
        default -> {
          if (w.startsWith("https://") || w.startsWith("http://")) {
            url = w;
          } else {
            fail(c.source() + ": a curl argument this test does not know: " + w);
          }
        }
      }
    }
    assertNotNull(url, c.source() + ": no URL");
    URI u = URI.create(url);
    assertEquals(server.uri().getScheme(), u.getScheme(), c.source() + ": the server answers " + server.uri()
        .getScheme() + " with this configuration");
    assertEquals("127.0.0.1", u.getHost(), c.source());
    assertEquals(readmePort, u.getPort(), c.source() + ": not the port of the serve example");
    method = method != null ? method : body != null ? "POST" : "GET";
    HttpRequest.Builder rb = HttpRequest.newBuilder(server.uri().resolve(u.getRawPath()));
    if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
      headers.put("Content-Type", "application/x-www-form-urlencoded"); // what curl -d sends by default
    }
    headers.forEach(rb::header);
    rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> r = new Http(server, null).client().send(rb.build(), HttpResponse.BodyHandlers.ofString());
    String m = method;
    Row row = table.stream().filter(t -> t.method().equals(m) && t.path().matcher(u.getRawPath()).matches())
        .findFirst().orElseThrow(() -> new AssertionError(c.source() + ": no row of the endpoint table for "
            + m + " " + u.getRawPath()));
    String what = c.source() + "\n  answered " + r.statusCode() + " " + r.body();
    if (afterRevoke) {
      Matcher refused = Pattern.compile("(\\d{3}) \\(not verified").matcher(row.failure());
      assertTrue(refused.find(), "README: the verify row names no 'not verified' status: " + row.failure());
      assertEquals(Integer.parseInt(refused.group(1)), r.statusCode(), "after the revoke example: " + what);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what);
      return row;
    }
    assertEquals(row.status(), r.statusCode(), "the README's table says " + row.status() + ": " + what);
    JsonNode answer = Http.JSON.readTree(r.body());
    if (!row.members().isEmpty()) {
      assertTrue(row.members().stream().anyMatch(alt -> alt.stream().allMatch(answer::has)),
          "the README's table says the answer has " + row.members() + ": " + what);
    }
    if (body != null && body.contains("\"vc+jwt\"")) {
      // "A `vc+jwt` is returned as an `EnvelopedVerifiableCredential` (`data:application/vc+jwt,…`)"
      assertTrue(answer.path("verifiableCredential").path("id").asText().startsWith("data:application/vc+jwt,"),
          what);
      assertTrue(answer.path("verifiableCredential").path("type").toString().contains(
          "EnvelopedVerifiableCredential"), what);
    }
    if (c.out() != null) {
      Files.writeString(dir.resolve(literal(c.out(), c)), r.body(), StandardCharsets.UTF_8);
    }
    return row;
  }

  static String literalBody(Command c, Path dir, Map<String, String> vars) throws Exception {
    for (int i = 1; i < c.words().size() - 1; i++) {
      if (literal(c.words().get(i), c).equals("-d")) {
        return expand(c.words().get(i + 1), dir, vars, c);
      }
    }
    return "";
  }

  /** A README placeholder such as {@code did:key:z6Mk...} ("printed at start"): the issuer id it abbreviates. */
  static String placeholder(String value, VcApiServer server, Command c) {
    if (!value.endsWith("...")) {
      return value;
    }
    String prefix = value.substring(0, value.length() - 3);
    return server.config().issuers().stream().map(ServerConfig.Issuer::id).filter(id -> id.startsWith(prefix))
        .findFirst().orElseThrow(() -> new AssertionError(c.source() + ": no configured issuer's id starts with "
            + prefix));
  }

  static String option(List<String> w, String name, Command c) {
    int i = w.indexOf(name);
    assertTrue(i > 0 && i + 1 < w.size(), c.source() + ": no " + name);
    return w.get(i + 1);
  }

  /** A word that must be plain text (no variable, no substitution). */
  static String literal(List<Part> word, Command c) {
    StringBuilder b = new StringBuilder();
    for (Part p : word) {
      if (p instanceof Lit l) {
        b.append(l.text());
      } else {
        b.append('\u0000'); // expanded later (curl arguments only)
      }
    }
    String s = b.toString();
    if (s.contains("...") && !s.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
      fail(c.source() + ": an elided example ('...') nobody can run");
    }
    return s;
  }

  static String expand(List<Part> word, Path dir, Map<String, String> vars, Command c) throws Exception {
    StringBuilder b = new StringBuilder();
    for (Part p : word) {
      if (p instanceof Lit l) {
        b.append(l.text());
      } else if (p instanceof Var v) {
        String value = vars.get(v.name());
        assertNotNull(value, c.source() + ": $" + v.name() + " is never set");
        b.append(value);
      } else if (p instanceof Subst s) {
        List<String> w = new ArrayList<>();
        for (List<Part> x : s.command()) {
          w.add(expand(x, dir, vars, c));
        }
        if (w.size() != 3 || !w.get(0).equals("jq")) {
          fail(c.source() + ": a command substitution this test cannot run: " + w);
        }
        Path file = dir.resolve(w.get(2));
        assertTrue(Files.isRegularFile(file), c.source() + ": " + w.get(2) + " was never written");
        String out = Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
            new Jq(w.get(1), c).eval(Http.JSON.readTree(file.toFile())));
        b.append(out.strip()); // $(...) drops trailing newlines
      }
    }
    if (b.toString().contains("...")) {
      fail(c.source() + ": an elided example ('...') nobody can run");
    }
    return b.toString();
  }

  /** The endpoint table: {@code | `METHOD /path` ... | auth | success | failure |}. */
  static List<Row> table(String section) {
    List<Row> rows = new ArrayList<>();
    for (String line : section.split("\n")) {
      Matcher m = Pattern.compile("^\\| `(GET|POST) (/[^` ]*)`.*").matcher(line);
      if (!m.matches()) {
        continue;
      }
      String[] cells = line.split(" \\| ");
      String success = cells[2];
      Matcher status = Pattern.compile("\\b(\\d{3})\\b").matcher(success);
      if (!status.find()) {
        continue;
      }
      List<List<String>> members = new ArrayList<>();
      Matcher span = Pattern.compile("`(\\{[^`]*\\})`").matcher(success);
      while (span.find()) {
        members.add(topLevelNames(span.group(1)));
      }
      StringBuilder path = new StringBuilder();
      for (String seg : m.group(2).split("(?=\\{)|(?<=\\})")) {
        path.append(seg.startsWith("{") ? "[^/]+" : Pattern.quote(seg));
      }
      rows.add(new Row(m.group(1), Pattern.compile(path.toString().replace("\\E\\Q", "")), Integer.parseInt(
          status.group(1)), members, cells.length > 3 ? cells[3] : ""));
    }
    return rows;
  }

  /** The member names at the top level of {@code {a, b: [..], c?}} (optional ones, marked {@code ?}, left out). */
  static List<String> topLevelNames(String shape) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    Matcher t = Pattern.compile("[{}\\[\\]]|[A-Za-z_][A-Za-z0-9_]*\\??").matcher(shape);
    while (t.find()) {
      String s = t.group();
      switch (s) {
        case "{", "[" -> depth++;
        case "}", "]" -> depth--;
        default -> {
          if (depth == 1 && !s.endsWith("?")) {
            int after = t.end();
            while (after < shape.length() && shape.charAt(after) == ' ') {
              after++;
            }
            char next = after < shape.length() ? shape.charAt(after) : '}';
            if (next == ':' || next == ',' || next == '}') {
              names.add(s);
            }
          }
        }
      }
    }
    return names;
  }

  /** Splits a block of shell text into commands of words (quotes, $VAR, $(...), {@code >}, comments, {@code \}). */
  static List<Command> parse(String text) {
    List<Command> out = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < text.length()) {
      int from = pos[0];
      List<List<Part>> words = new ArrayList<>();
      List<Part> redirect = null;
      boolean toFile = false;
      while (true) {
        skipBlanks(text, pos);
        if (pos[0] >= text.length() || text.charAt(pos[0]) == '\n') {
          pos[0]++;
          break;
        }
        if (text.charAt(pos[0]) == '#') {
          while (pos[0] < text.length() && text.charAt(pos[0]) != '\n') {
            pos[0]++;
          }
          continue;
        }
        if (text.charAt(pos[0]) == '>') {
          pos[0]++;
          toFile = true;
          continue;
        }
        List<Part> w = word(text, pos);
        if (toFile) {
          redirect = w;
          toFile = false;
        } else {
          words.add(w);
        }
      }
      if (!words.isEmpty()) {
        out.add(new Command(words, redirect, text.substring(from, Math.min(pos[0], text.length())).strip()));
      }
    }
    return out;
  }

  static void skipBlanks(String text, int[] pos) {
    while (pos[0] < text.length()) {
      char ch = text.charAt(pos[0]);
      if (ch == ' ' || ch == '\t') {
        pos[0]++;
      } else if (ch == '\\' && pos[0] + 1 < text.length() && text.charAt(pos[0] + 1) == '\n') {
        pos[0] += 2; // a continued line
      } else {
        return;
      }
    }
  }

  /** One word from {@code pos}: ends at an unquoted blank, newline, '>' or ')'. */
  static List<Part> word(String text, int[] pos) {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (pos[0] < text.length()) {
      char ch = text.charAt(pos[0]);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '>' || ch == ')') {
        break;
      }
      if (ch == '\\' && pos[0] + 1 < text.length() && text.charAt(pos[0] + 1) == '\n') {
        break;
      }
      if (ch == '\'') {
        int close = text.indexOf('\'', pos[0] + 1);
        assertTrue(close > 0, "README: an unclosed single quote: " + text);
        lit.append(text, pos[0] + 1, close);
        pos[0] = close + 1;
      } else if (ch == '"') {
        pos[0]++;
        while (text.charAt(pos[0]) != '"') {
          if (text.charAt(pos[0]) == '$') {
            flush(lit, parts);
            parts.add(dollar(text, pos));
          } else if (text.charAt(pos[0]) == '\\' && "\"\\$`".indexOf(text.charAt(pos[0] + 1)) >= 0) {
            lit.append(text.charAt(pos[0] + 1));
            pos[0] += 2;
          } else {
            lit.append(text.charAt(pos[0]++));
          }
        }
        pos[0]++;
      } else if (ch == '$') {
        flush(lit, parts);
        parts.add(dollar(text, pos));
      } else {
        lit.append(ch);
        pos[0]++;
      }
    }
    flush(lit, parts);
    return parts;
  }

  static void flush(StringBuilder lit, List<Part> parts) {
    if (lit.length() > 0) {
      parts.add(new Lit(lit.toString()));
      lit.setLength(0);
    }
  }

  /** {@code $NAME} or {@code $(command)} at {@code pos}. */
  static Part dollar(String text, int[] pos) {
    pos[0]++;
    if (text.charAt(pos[0]) == '(') {
      pos[0]++;
      List<List<Part>> words = new ArrayList<>();
      while (true) {
        skipBlanks(text, pos);
        if (text.charAt(pos[0]) == ')') {
          pos[0]++;
          return new Subst(words);
        }
        words.add(word(text, pos));
      }
    }
    Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(text).region(pos[0], text.length());
    assertTrue(m.lookingAt(), "README: a '$' that is no variable: " + text.substring(pos[0]));
    pos[0] = m.end();
    return new Var(m.group());
  }

  /** The jq filters the README uses: object construction of {@code .path} values and string literals. */
  static final class Jq {
    private final String f;
    private final Command c;
    private int i;

    Jq(String filter, Command c) {
      this.f = filter;
      this.c = c;
    }

    JsonNode eval(JsonNode input) {
      JsonNode v = value(input);
      blanks();
      if (i != f.length()) {
        fail(c.source() + ": a jq filter beyond what this test evaluates: " + f);
      }
      return v;
    }

    private void blanks() {
      while (i < f.length() && Character.isWhitespace(f.charAt(i))) {
        i++;
      }
    }

    private JsonNode value(JsonNode input) {
      blanks();
      char ch = i < f.length() ? f.charAt(i) : 0;
      if (ch == '{') {
        i++;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        blanks();
        while (f.charAt(i) != '}') {
          String key = f.charAt(i) == '"' ? string() : name();
          blanks();
          expect(':');
          o.set(key, value(input));
          blanks();
          if (f.charAt(i) == ',') {
            i++;
            blanks();
          }
        }
        i++;
        return o;
      }
      if (ch == '"') {
        return JsonNodeFactory.instance.textNode(string());
      }
      if (ch == '.') {
        JsonNode v = input;
        while (i < f.length() && f.charAt(i) == '.') {
          i++;
          if (i < f.length() && Character.isLetter(f.charAt(i))) {
            JsonNode next = v.get(name());
            v = next == null ? JsonNodeFactory.instance.nullNode() : next;
          }
        }
        return v;
      }
      fail(c.source() + ": a jq filter beyond what this test evaluates: " + f);
      return null;
    }

    private String name() {
      int from = i;
      while (i < f.length() && (Character.isLetterOrDigit(f.charAt(i)) || f.charAt(i) == '_')) {
        i++;
      }
      if (from == i) {
        fail(c.source() + ": a jq filter beyond what this test evaluates: " + f);
      }
      return f.substring(from, i);
    }

    private String string() {
      int close = f.indexOf('"', i + 1);
      String s = f.substring(i + 1, close);
      i = close + 1;
      if (s.contains("\\")) {
        fail(c.source() + ": a jq string with escapes: " + f);
      }
      return s;
    }

    private void expect(char ch) {
      if (i >= f.length() || f.charAt(i) != ch) {
        fail(c.source() + ": a jq filter beyond what this test evaluates: " + f);
      }
      i++;
    }
  }
}
