package io.github.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.microcred.core.CreditUnit;
import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.OpenBadges;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import io.github.microcred.vc.ControllerDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code mcred audit}: audit a transcript (or many, in bulk) against qualification rules. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a learner's transcript against qualification rules (exact, provably optimal; or the "
        + "divisible-credit relaxation), each within a time budget. Prints the JSON result, then a readable summary "
        + "on stderr. Exit 0 when the qualification is SATISFIED, 1 when NOT_SATISFIED (proven) or on invalid "
        + "input, 3 when UNDECIDED (the budget ran out first). With --bulk, audits one transcript per line and "
        + "shows progress on stderr.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:SATISFIED (with --bulk: every transcript read and satisfied)",
        " 1:NOT_SATISFIED (proven), invalid input or an unreadable file", " 2:usage error",
        " 3:UNDECIDED: the budget ran out before a proof"})
public final class AuditCommand implements Callable<Integer> {
  /** Exit code of an audit whose budget ran out before it was decided (0, 1 and 2 as for every command). */
  static final int UNDECIDED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--rules", required = true, paramLabel = "R.json", description = "the rules")
  Path rules;

  /** Where the transcripts come from: exactly one of the two. */
  static final class Input {
    @Option(names = "--transcript", arity = "1..*", paramLabel = "T",
        description = "the transcript: a stacking transcript JSON file, or one or more signed Open Badges 3.0 "
            + "credentials or CLR 2.0 transcripts of any issuer (Data Integrity JSON or vc+jwt files), each (and "
            + "each credential a CLR bundles) verified offline and mapped as the README's Open Badges table says; "
            + "only those that verify count, the others are excluded with the reason (NOT_VERIFIED, REVOKED, "
            + "SUSPENDED, NOT_COMPLETED, NOT_MAPPABLE, DUPLICATE)")
    List<Path> transcript;

    @Option(names = "--bulk", paramLabel = "T.jsonl",
        description = "bulk audit: one stacking transcript JSON object per line (blank lines skipped), audited in "
            + "parallel (exact mode, each transcript with its own --budget-ms, from the start of its audit), streamed in constant memory; prints "
            + "one compact JSON line per transcript in input order, {\"line\":n,\"status\":\"SATISFIED\","
            + "\"result\":{...}} or {\"line\":n,\"error\":\"...\"}, with progress and totals per status on "
            + "stderr. Exit 0 when every transcript is read and satisfied, 1 when one is not satisfied or "
            + "invalid, else 3 when one is undecided")
    Path bulk;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--trusted-issuer", paramLabel = "ID",
      description = "with signed credentials: count only those whose issuer (id) is one of these (for a CLR: "
          + "each bundled credential's issuer; repeatable); by default every credential that verifies counts")
  Set<String> trustedIssuers = Set.of();

  @CommandLine.Mixin TrustOptions trust = new TrustOptions();

  @Option(names = "--credit-unit", paramLabel = "[ISSUER=]UNIT",
      description = "with signed credentials: the unit of Open Badges creditsAvailable/creditsEarned (OB3 says "
          + "\"credit hours\"; default US_SEMESTER_HOUR), for every issuer or for one (repeatable), e.g. ECTS or "
          + "https://uni.example/issuer=ECTS; microcred's own extension always carries its unit")
  List<String> creditUnits = new ArrayList<>();

  @Option(names = "--resident-issuer", paramLabel = "ID",
      description = "with signed credentials: issuers whose credentials are resident learning (repeatable); once "
          + "given, credentials of every other issuer are EXTERNAL (default: all resident)")
  Set<String> residentIssuers = Set.of();

  @CommandLine.Mixin AsOfOptions asOf;

  @Option(names = "--divisible", description = "divisible-credit relaxation (max-flow; may overstate progress)")
  boolean divisible;

  @Option(names = "--budget-ms", paramLabel = "N",
      description = "time budget of one audit in milliseconds (default 10000; with --bulk, per transcript); when "
          + "it runs out the status is UNDECIDED with the best assignment found and its bound")
  Long budgetMs;

  private Auditor auditor(Rules r) {
    Auditor a;
    try {
      a = Stacking.auditor(r);
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, rules + ": " + e.getMessage());
    }
    if (budgetMs != null) {
      if (budgetMs <= 0) {
        throw new CliException(Main.USAGE, "--budget-ms: must be positive, got " + budgetMs);
      }
      a = a.withBudget(Duration.ofMillis(budgetMs));
    }
    return divisible ? a.divisible() : a;
  }

  /**
   * The exit code of one audit status.
   *
   * @param s the status
   * @return 0 satisfied, 1 not satisfied, 3 undecided
   */
  static int exitCode(AuditResult.Status s) {
    return switch (s) {
      case SATISFIED -> Main.OK;
      case NOT_SATISFIED -> Main.FAILED;
      case UNDECIDED -> UNDECIDED;
    };
  }

  @CommandLine.Mixin ReportOptions report;

  static Rules rules(Path p) {
    try {
      return Rules.fromJson(CliFiles.readText(p));
    } catch (StackingException e) {
      throw new CliException(Main.FAILED, p + ": " + e.getMessage());
    }
  }

  static Transcript transcript(Path p) {
    return transcript(p, CliFiles.readText(p));
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
      JsonNode n = CliFiles.JSON.readTree(t);
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
      String text = CliFiles.readText(files.get(0));
      if (isStackingTranscript(text)) {
        if (!trusted.isEmpty() || trust.any() || !creditUnits.isEmpty()
            || !residentIssuers.isEmpty()) {
          throw new CliException(Main.USAGE, "--trusted-issuer, --status-list, --controller, --credit-unit and "
              + "--resident-issuer apply to signed credentials, not to a stacking transcript file");
        }
        return new Loaded(transcript(files.get(0), text), null);
      }
    }
    List<ControllerDocument> docs = trust.controllerDocuments();
    VerifiedTranscript v = new VerifiedTranscript(trusted, mapping(), trust.statusCheck(docs), docs);
    for (Path p : files) {
      v.add(p.toString(), CliFiles.readText(p));
    }
    return new Loaded(v.transcript(), v);
  }

  /** The OB3 mapping configured by {@code --credit-unit} and {@code --resident-issuer}. */
  OpenBadges mapping() {
    OpenBadges m = OpenBadges.mapping()
        .withResidentIssuers(residentIssuers);
    for (String u : creditUnits) {
      int eq = u.lastIndexOf('=');
      String name = u.substring(eq + 1);
      CreditUnit unit = CreditUnit.parse(name).orElseThrow(() ->
          new CliException(Main.USAGE, "--credit-unit: unknown unit '" + name + "' (expected one of "
              + Arrays.toString(CreditUnit.values()) + ")"));
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
      if (report.text) {
        throw new CliException(Main.USAGE, "--text applies to one transcript; --bulk prints one JSON line per "
            + "transcript on stdout and the totals per status on stderr");
      }
      if (trust.any() || !creditUnits.isEmpty() || !residentIssuers.isEmpty()) {
        throw new CliException(Main.USAGE, "--status-list, --controller, --credit-unit and --resident-issuer apply "
            + "to signed credentials given with --transcript, not to --bulk");
      }
      return bulk(auditor(r), input.bulk, asOf.date(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    Auditor auditor = auditor(r);
    Loaded loaded = load(input.transcript, trustedIssuers);
    VerifiedTranscript v = loaded.signed();
    AuditResult a;
    try {
      a = auditor.audit(loaded.transcript(), asOf.date());
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
    if (report.text) {
      spec.commandLine().getOut().print(a.summary());
    } else {
      spec.commandLine().getOut().println(a.toJson().toPrettyString());
      err.print(a.summary());
    }
    spec.commandLine().getOut().flush();
    err.flush();
    return exitCode(a.status());
  }

  /** One non-blank line of a bulk file. */
  record Line(long number, String text) {}

  /**
   * Bulk mode: streams the file line by line through {@link Auditor#auditAll}, which audits in parallel with a
   * bounded window of lines in flight; each result is written as one compact JSON line, in line order, as soon as it
   * is done; progress goes to stderr at every 10% (and at the end).
   */
  static int bulk(Auditor auditor, Path file, LocalDate asOf, PrintWriter out, PrintWriter err) {
    long total = countLines(file);
    Progress progress = new Progress(total, err);
    Auditor.BulkSummary sum;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Iterator<Line> lines = new Iterator<>() {
        private long number;
        private Line next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            String s;
            try {
              s = in.readLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (s == null) {
              return false;
            }
            number++;
            if (!s.isBlank()) {
              next = new Line(number, s);
            }
          }
          return true;
        }

        @Override
        public Line next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Line l = next;
          next = null;
          return l;
        }
      };
      sum = auditor.auditAll(lines, l -> Transcript.fromJson(l.text()), asOf, r -> {
        StringBuilder b = new StringBuilder("{\"line\":").append(r.input().number());
        if (r.result() != null) {
          b.append(",\"status\":\"").append(r.result().status().name()).append("\",\"result\":")
              .append(r.result().toJson().toString());
        } else {
          b.append(",\"error\":").append(quote("line " + r.input().number() + ": " + r.error().getMessage()));
        }
        out.println(b.append('}'));
      }, progress::update);
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, "no such file: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw CliFiles.readFailure(file, e);
    }
    out.flush();
    progress.finish();
    err.println("audited " + sum.total() + " transcripts: " + sum.satisfied() + " satisfied, " + sum.notSatisfied()
        + " not satisfied, " + sum.undecided() + " undecided, " + sum.failed() + " invalid");
    err.flush();
    return sum.notSatisfied() > 0 || sum.failed() > 0 ? Main.FAILED : sum.undecided() > 0 ? UNDECIDED : Main.OK;
  }

  private static String quote(String s) {
    try {
      return CliFiles.JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long countLines(Path file) {
    try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
      return s.filter(l -> !l.isBlank()).count();
    } catch (NoSuchFileException e) {
      throw new CliException(Main.FAILED, "no such file: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw CliFiles.readFailure(file, e);
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
