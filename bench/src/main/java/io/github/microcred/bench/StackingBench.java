package io.github.microcred.bench;

import io.github.microcred.stacking.AuditResult;
import io.github.microcred.stacking.Auditor;
import io.github.microcred.stacking.Catalogue;
import io.github.microcred.stacking.CatalogueItem;
import io.github.microcred.stacking.Credential;
import io.github.microcred.stacking.Filter;
import io.github.microcred.stacking.Plan;
import io.github.microcred.stacking.Requirement;
import io.github.microcred.stacking.Rules;
import io.github.microcred.stacking.Stacking;
import io.github.microcred.stacking.StackingException;
import io.github.microcred.stacking.Transcript;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stacking audit and planner. Instances: credits from {2,3,4,5,6,10} ECTS, each credential eligible for 1-3 random
 * requirements (tags), demand close to supply ("tight", as in research/stacking.md) or with 30% slack ("typical").
 * Baseline in the same run: the divisible-credit (max-flow) audit of the same instance.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class StackingBench {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  /** Instance shape: credentials x requirements x slack percent. */
  @Param({"40x20x30", "200x50x30", "200x50x0"})
  public String shape;

  Rules rules;
  Transcript transcript;
  Catalogue catalogue;

  static Object[] instance(long seed, int nc, int nr, int slackPct) throws StackingException {
    SplittableRandom r = new SplittableRandom(seed);
    int[] cr = {2, 3, 4, 5, 6, 10};
    List<Credential> creds = new ArrayList<>();
    long supply = 0;
    for (int i = 0; i < nc; i++) {
      int k = 1 + r.nextInt(3);
      String[] tags = new String[k];
      for (int t = 0; t < k; t++) {
        tags[t] = "r" + r.nextInt(nr);
      }
      int c = cr[r.nextInt(cr.length)];
      supply += c;
      creds.add(Credential.builder("C" + i).credits(c, "ECTS").tags(tags).issued(AS_OF).build());
    }
    Requirement[] reqs = new Requirement[nr];
    long per = Math.max(1, supply * (100 - slackPct) / 100 / nr);
    for (int q = 0; q < nr; q++) {
      reqs[q] = Requirement.credits("r" + q, Math.max(1, per - 2 + r.nextInt(5)),
          Filter.builder().tags("r" + q).build());
    }
    Rules rules = Rules.builder("bench").unit("ECTS").requirement(Requirement.allOf("root", reqs)).build();
    return new Object[] {rules, new Transcript(creds)};
  }

  @Setup
  public void setup() throws StackingException {
    String[] s = shape.split("x");
    Object[] in = instance(1, Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]));
    rules = (Rules) in[0];
    transcript = (Transcript) in[1];
    auditor = Stacking.auditor(rules).withBudget(AUDIT_BUDGET);
    divisibleAuditor = Stacking.auditor(rules).divisible();
    SplittableRandom r = new SplittableRandom(2);
    List<CatalogueItem> items = new ArrayList<>();
    int nr = Integer.parseInt(s[1]);
    for (int i = 0; i < 10_000; i++) {
      Credential c = Credential.builder("K" + i).credits(1 + r.nextInt(10), "ECTS").tags("r" + r.nextInt(nr))
          .issued(AS_OF).build();
      items.add(new CatalogueItem(c, BigDecimal.valueOf(25L * (1 + r.nextInt(10))),
          BigDecimal.valueOf(50 + r.nextInt(500)), Set.of()));
    }
    catalogue = new Catalogue(items);
    // the planner starts from half the transcript, so it has work to do; the audits take the whole of it
    planTranscript = new Transcript(transcript.credentials().subList(0, transcript.credentials().size() / 2));
    reportProof();
  }

  Transcript planTranscript;
  Auditor auditor;
  Auditor divisibleAuditor;

  /**
   * Budget of one exact audit here. Indivisible credits make the audit NP-hard (Partition); on the tight shape
   * (supply = demand) the proof of optimality can take far longer, and an audit cut by its budget returns its best
   * assignment with {@code provedOptimal = false}. {@link #reportProof()} prints which shapes are proven.
   */
  static final Duration AUDIT_BUDGET = Duration.ofSeconds(10);

  /** Prints, once per shape, whether the exact audit is proven optimal within its budget, and how long it took. */
  void reportProof() throws StackingException {
    long t0 = System.nanoTime();
    AuditResult r = auditor.audit(transcript, AS_OF);
    System.out.println("exactAudit " + shape + ": provedOptimal=" + r.provedOptimal() + " satisfied="
        + r.satisfied() + " applied=" + r.appliedCredits() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  /** Exact audit (sample mode gives the percentiles, p99 included), within {@link #AUDIT_BUDGET}. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AuditResult exactAudit() throws StackingException {
    return auditor.audit(transcript, AS_OF);
  }

  /** Baseline: divisible-credit max-flow audit of the same instance. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public AuditResult baselineDivisibleAudit() throws StackingException {
    return divisibleAuditor.audit(transcript, AS_OF);
  }

  /**
   * Planner on a 10,000-item catalogue with a 1 s budget (reports the gap in the plan); its single-shot time is the
   * planner's wall time against its budget.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Plan plan10k() throws StackingException {
    Plan p = Stacking.planner(rules, catalogue).withBudget(Duration.ofSeconds(1)).plan(planTranscript, AS_OF);
    System.out.println("plan10k " + shape + ": complete=" + p.satisfied() + " audit=" + p.audit().status()
        + " items=" + p.items().size() + " value="
        + p.value() + " lb=" + p.lowerBound() + " gap=" + p.gap() + " optimal=" + p.optimal());
    return p;
  }
}
