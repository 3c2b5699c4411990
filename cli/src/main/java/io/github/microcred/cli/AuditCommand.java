package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcred audit}: audit a transcript (or many, in bulk) against qualification rules. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a learner's transcript against qualification rules (exact, provably optimal; or the "
        + "divisible-credit relaxation). Prints the JSON result, then a readable summary on stderr. Exit 0 when "
        + "the qualification is satisfied, 1 when not. With --bulk, audits one transcript per line and shows "
        + "progress on stderr.")
public final class AuditCommand implements Callable<Integer> {
  /** Transcripts audited per parallel batch in bulk mode. */
  static final int BATCH = 4096;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "R.json", description = "the rules")
  Path rules;

  /** Where the transcripts come from: exactly one of the two. */
  static final class Input {
    @Option(names = "--transcript", arity = "1..*", paramLabel = "T",
        description = "the transcript: a stacking transcript JSON file, or one or more signed Open Badges 3.0 "
            + "credentials (Data Integrity JSON or vc+jwt files), each verified offline; only those that verify "
            + "count, the others are excluded as NOT_VERIFIED with the reason")
    List<Path> transcript;

    @Option(names = "--bulk", paramLabel = "T.jsonl",
        description = "bulk audit: one stacking transcript JSON object per line (blank lines skipped), audited in "
            + "parallel (exact mode); prints one compact JSON line per transcript, {\"line\":n,\"result\":{...}} "
            + "or {\"line\":n,\"error\":\"...\"}, with progress and totals on stderr. Exit 0 when every "
            + "transcript is read and satisfied, 1 otherwise")
    Path bulk;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--trusted-issuer", paramLabel = "ID",
      description = "with signed credentials: count only those whose issuer (id) is one of these (repeatable); "
          + "by default every credential that verifies counts")
  Set<String> trustedIssuers = Set.of();

  @Option(names = "--status-list", paramLabel = "FILE",
      description = "with signed credentials: a published status list credential (JSON or vc+jwt) to check "
          + "credentialStatus against, offline, as mcred verify does (repeatable); a revoked or suspended "
          + "credential is excluded as REVOKED or SUSPENDED")
  List<Path> statusLists = new ArrayList<>();

  @Option(names = "--controller", paramLabel = "DOC.json",
      description = "with signed credentials: a trusted controller document for an https: issuer, as mcred verify "
          + "takes it (repeatable)")
  List<Path> controllers = new ArrayList<>();

  @Option(names = "--credit-unit", paramLabel = "[ISSUER=]UNIT",
      description = "with signed credentials: the unit of Open Badges creditsAvailable/creditsEarned (OB3 says "
          + "\"credit hours\"; default US_SEMESTER_HOUR), for every issuer or for one (repeatable), e.g. ECTS or "
          + "https://uni.example/issuer=ECTS; microcred's own extension always carries its unit")
  List<String> creditUnits = new ArrayList<>();

  @Option(names = "--resident-issuer", paramLabel = "ID",
      description = "with signed credentials: issuers whose credentials are resident learning (repeatable); once "
          + "given, credentials of every other issuer are EXTERNAL (default: all resident)")
  Set<String> residentIssuers = Set.of();

  @Option(names = "--as-of", paramLabel = "DATE", description = "audit date (YYYY-MM-DD), default today (UTC)")
  String asOf;

  @Option(names = "--divisible", description = "divisible-credit relaxation (max-flow; may overstate progress)")
  boolean divisible;

  static LocalDate date(String s) {
    if (s == null) {
      return LocalDate.now(java.time.ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new CliException(Main.USAGE, "--as-of: expected YYYY-MM-DD, got '" + s + "'");
    }
  }

  static Rules rules(Path p) {
    try {
      return Rules.fromJson(CtdlCommand.read(p));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, p + ": " + e.getMessage());
    }
  }

  static Transcript transcript(Path p) {
    return transcript(p, CtdlCommand.read(p));
  }

  private static Transcript transcript(Path p, String text) {
    try {
      return Transcript.fromJson(text);
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, p + ": " + e.getMessage());
    }
  }

  /**
   * Whether a file is a stacking transcript (a JSON object with {@code credentials}) rather than a signed credential.
   */
  static boolean isStackingTranscript(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return false;
    }
    try {
      JsonNode n = StatusCommand.JSON.readTree(t);
      return n.isObject() && n.has("credentials") && !n.has("proof") && !n.has("@context");
    } catch (IOException e) {
      return true; // let the transcript reader report the syntax error with its path
    }
  }

  /**
   * Loads the transcript: one stacking transcript file (each file is read once), or signed OB3 credentials verified
   * one by one.
   *
   * @param files the files
   * @param trusted the trusted issuer ids (empty: any issuer)
   * @return the transcript and, for signed credentials, what was verified and excluded
   */
  Loaded load(List<Path> files, Set<String> trusted) {
    if (files.size() == 1) {
      String text = CtdlCommand.read(files.get(0));
      if (isStackingTranscript(text)) {
        if (!trusted.isEmpty() || !statusLists.isEmpty() || !controllers.isEmpty() || !creditUnits.isEmpty()
            || !residentIssuers.isEmpty()) {
          throw new CliException(Main.USAGE, "--trusted-issuer, --status-list, --controller, --credit-unit and "
              + "--resident-issuer apply to signed credentials, not to a stacking transcript file");
        }
        return new Loaded(transcript(files.get(0), text), null);
      }
    }
    List<io.github.microcred.vc.ControllerDocument> docs = VerifierInputs.controllers(controllers);
    VerifiedTranscript v = new VerifiedTranscript(trusted, mapping(), VerifierInputs.statusCheck(statusLists, docs),
        docs);
    for (Path p : files) {
      v.add(p.toString(), CtdlCommand.read(p));
    }
    return new Loaded(v.transcript(), v);
  }

  /** The OB3 mapping configured by {@code --credit-unit} and {@code --resident-issuer}. */
  io.github.microcred.stacking.OpenBadges mapping() {
    io.github.microcred.stacking.OpenBadges m = io.github.microcred.stacking.OpenBadges.mapping()
        .withResidentIssuers(residentIssuers);
    for (String u : creditUnits) {
      int eq = u.lastIndexOf('=');
      String name = u.substring(eq + 1);
      io.github.microcred.core.CreditUnit unit = io.github.microcred.core.CreditUnit.parse(name).orElseThrow(() ->
          new CliException(Main.USAGE, "--credit-unit: unknown unit '" + name + "' (expected one of "
              + java.util.Arrays.toString(io.github.microcred.core.CreditUnit.values()) + ")"));
      m = eq < 0 ? m.withCreditUnit(unit) : m.withCreditUnit(u.substring(0, eq), unit);
    }
    return m;
  }

  /** A loaded transcript; {@code signed} is null for a stacking transcript file. */
  record Loaded(Transcript transcript, VerifiedTranscript signed) {}

  @Override
  public Integer call() {
    Rules r = rules(rules);
    if (input.bulk != null) {
      if (divisible) {
        throw new CliException(Main.USAGE, "--bulk audits in exact mode; --divisible applies to one transcript");
      }
      if (!statusLists.isEmpty() || !controllers.isEmpty() || !creditUnits.isEmpty() || !residentIssuers.isEmpty()) {
        throw new CliException(Main.USAGE, "--status-list, --controller, --credit-unit and --resident-issuer apply "
            + "to signed credentials given with --transcript, not to --bulk");
      }
      return bulk(r, input.bulk, date(asOf), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    Loaded loaded = load(input.transcript, trustedIssuers);
    VerifiedTranscript v = loaded.signed();
    AuditResult a;
    try {
      a = Stacking.audit(r, loaded.transcript(), date(asOf), divisible);
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (v != null) {
      a = v.withExclusions(a);
      for (VerifiedTranscript.Verified x : v.verified) {
        err.println("verified " + x.source() + ": " + x.title());
      }
    }
    spec.commandLine().getOut().println(a.toJson());
    spec.commandLine().getOut().flush();
    err.print(a.summary());
    err.flush();
    return a.satisfied() ? Main.OK : Main.FAILED;
  }

  static ObjectNode tree(AuditResult a) {
    try {
      return (ObjectNode) StatusCommand.JSON.readTree(a.toJson());
    } catch (IOException e) {
      throw new CliException(Main.FAILED, "internal: audit result is not JSON: " + e.getMessage());
    }
  }

  /**
   * Bulk mode: streams the file in batches of {@link #BATCH} lines; each batch is parsed and audited in parallel,
   * results are written in line order, and progress goes to stderr at every 10% (and at the end).
   */
  static int bulk(Rules rules, Path file, LocalDate asOf, PrintWriter out, PrintWriter err) {
    long total = countLines(file);
    Progress progress = new Progress(total, err);
    long satisfied = 0;
    long unsatisfied = 0;
    long invalid = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      long doneBefore = 0;
      List<Long> lines = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      String s;
      boolean more = true;
      while (more) {
        s = in.readLine();
        more = s != null;
        if (more) {
          lineNo++;
          if (!s.isBlank()) {
            lines.add(lineNo);
            texts.add(s);
          }
        }
        if (texts.size() == BATCH || !more && !texts.isEmpty()) {
          Batch b = audit(rules, texts, asOf, doneBefore, progress);
          for (int i = 0; i < texts.size(); i++) {
            ObjectNode o = StatusCommand.JSON.createObjectNode().put("line", lines.get(i));
            if (b.results[i] != null) {
              o.set("result", tree(b.results[i]));
              if (b.results[i].satisfied()) {
                satisfied++;
              } else {
                unsatisfied++;
              }
            } else {
              o.put("error", "line " + lines.get(i) + ": " + b.errors[i]);
              invalid++;
            }
            out.println(o.toString());
          }
          doneBefore += texts.size();
          lines.clear();
          texts.clear();
        }
      }
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, "no such file: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(Main.FAILED, "cannot read " + file + ": " + e.getMessage());
    }
    out.flush();
    progress.finish();
    err.println("audited " + (satisfied + unsatisfied + invalid) + " transcripts: " + satisfied + " satisfied, "
        + unsatisfied + " not satisfied, " + invalid + " invalid");
    err.flush();
    return unsatisfied == 0 && invalid == 0 ? Main.OK : Main.FAILED;
  }

  /** One batch's results: a result or an error message per line. */
  record Batch(AuditResult[] results, String[] errors) {}

  static Batch audit(Rules rules, List<String> texts, LocalDate asOf, long doneBefore, Progress progress) {
    int n = texts.size();
    Transcript[] ts = new Transcript[n];
    String[] errors = new String[n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
      try {
        ts[i] = Transcript.fromJson(texts.get(i));
      } catch (StackingException e) {
        errors[i] = e.getMessage();
      }
    });
    List<Transcript> ok = new ArrayList<>(n);
    int[] at = new int[n];
    for (int i = 0; i < n; i++) {
      if (ts[i] != null) {
        at[ok.size()] = i;
        ok.add(ts[i]);
      }
    }
    int invalid = n - ok.size();
    AuditResult[] results = new AuditResult[n];
    BiConsumer<Long, Long> cb = (d, t) -> progress.update(doneBefore + invalid + d);
    try {
      List<AuditResult> rs = Stacking.auditAll(rules, ok, asOf, cb);
      for (int k = 0; k < rs.size(); k++) {
        results[at[k]] = rs.get(k);
      }
    } catch (StackingException e) {
      // one bad transcript (e.g. a unit without a conversion) must not lose the others: audit one by one
      for (int k = 0; k < ok.size(); k++) {
        try {
          results[at[k]] = Stacking.audit(rules, ok.get(k), asOf);
        } catch (StackingException x) {
          errors[at[k]] = x.getMessage();
        }
      }
      progress.update(doneBefore + n);
    }
    return new Batch(results, errors);
  }

  static long countLines(Path file) {
    try (java.util.stream.Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
      return s.filter(l -> !l.isBlank()).count();
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, "no such file: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new CliException(Main.FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Progress on stderr: a line at each whole 10% of the transcripts, called from worker threads. */
  static final class Progress {
    private final long total;
    private final PrintWriter err;
    private final AtomicInteger shown = new AtomicInteger(-1);
    private final long start = System.nanoTime();

    Progress(long total, PrintWriter err) {
      this.total = total;
      this.err = err;
    }

    void update(long done) {
      int tenth = total == 0 ? 10 : (int) Math.min(10, done * 10 / total);
      int prev = shown.get();
      while (tenth > prev) {
        if (shown.compareAndSet(prev, tenth)) {
          synchronized (err) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            err.println("progress: " + done + "/" + total + " (" + (tenth * 10) + "%), " + ms + " ms");
            err.flush();
          }
          return;
        }
        prev = shown.get();
      }
    }

    void finish() {
      update(total);
    }
  }
}
