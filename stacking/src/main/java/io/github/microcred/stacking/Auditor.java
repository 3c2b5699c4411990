package io.github.microcred.stacking;

import io.github.microcred.core.CreditConversions;
import io.github.microcred.stacking.internal.BudgetExceeded;
import io.github.microcred.stacking.internal.Compiled;
import io.github.microcred.stacking.internal.CreditConverter;
import io.github.microcred.stacking.internal.FlatTree;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * An immutable, reusable, thread-safe auditor of transcripts against one set of {@link Rules}, in the style of
 * Jackson's {@code ObjectReader}: it holds the validated and compiled rules and one {@link AuditOptions} value; each
 * {@code with…} method returns a new auditor sharing the compiled rules.
 *
 * <pre>{@code
 * Auditor auditor = Stacking.auditor(rules).withBudget(Duration.ofSeconds(2));
 * AuditResult r = auditor.audit(transcript, LocalDate.of(2026, 12, 1));
 * switch (r.status()) { case SATISFIED -> ...; case NOT_SATISFIED -> ...; case UNDECIDED -> ...; }
 * }</pre>
 */
public final class Auditor {
  private final Rules rules;
  private final FlatTree tree;
  private final AuditOptions options;
  private final CreditConverter converter;

  private Auditor(Rules rules, FlatTree tree, AuditOptions options) {
    this.rules = rules;
    this.tree = tree;
    this.options = options;
    this.converter = new CreditConverter(options.conversions());
  }

  static Auditor of(Rules rules) throws StackingException {
    Rules r = Objects.requireNonNull(rules, "rules").validated();
    return new Auditor(r, Compiled.tree(r), AuditOptions.DEFAULTS);
  }

  private Auditor with(AuditOptions o) {
    return o.equals(options) ? this : new Auditor(rules, tree, o);
  }

  /**
   * The rules audited against.
   *
   * @return validated rules
   */
  public Rules rules() {
    return rules;
  }

  /**
   * The configuration.
   *
   * @return options
   */
  public AuditOptions options() {
    return options;
  }

  /**
   * With another configuration.
   *
   * @param o the options
   * @return an auditor with these options
   */
  public Auditor withOptions(AuditOptions o) {
    return with(Objects.requireNonNull(o, "options"));
  }

  /**
   * With a time budget per audit (default {@link AuditOptions#DEFAULT_BUDGET}).
   *
   * @param budget positive duration
   * @return an auditor with this budget
   */
  public Auditor withBudget(Duration budget) {
    return with(new AuditOptions(budget, options.conversions(), options.mode()));
  }

  /**
   * With a credit conversion policy (default {@link CreditConversions#defaults()}).
   *
   * @param conversions the policy
   * @return an auditor with this policy
   */
  public Auditor withConversions(CreditConversions conversions) {
    return with(new AuditOptions(options.budget(), conversions, options.mode()));
  }

  /**
   * With the divisible-credit relaxation (a credential's credits may be split across requirements; one max-flow per
   * sharing group, as UT Dallas Nebula's validator does). It can overstate progress.
   *
   * @return an auditor in {@link AuditResult.Mode#DIVISIBLE_RELAXATION}
   */
  public Auditor divisible() {
    return with(new AuditOptions(options.budget(), options.conversions(), AuditResult.Mode.DIVISIBLE_RELAXATION));
  }

  /**
   * Audits one transcript within the budget.
   *
   * @param transcript the learner's credentials
   * @param asOf the audit date (expiry, validity window, recency filters)
   * @return the result
   * @throws StackingException on a credit unit the conversion policy cannot convert, or TRANSCRIPT_INVALID on a
   *     repeated credential id (naming {@code credentials[i].id})
   */
  public AuditResult audit(Transcript transcript, LocalDate asOf) throws StackingException {
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(asOf, "asOf");
    transcript.requireUniqueIds();
    long start = System.nanoTime();
    long budget = options.budgetNanos();
    long deadline = budget >= Long.MAX_VALUE - start ? Long.MAX_VALUE : start + budget;
    try {
      Compiled k = Compiled.of(tree, rules, transcript.credentials(), asOf, converter, deadline);
      if (options.mode() == AuditResult.Mode.DIVISIBLE_RELAXATION) {
        // qualified: the internal Auditor shares this class's name
        return io.github.microcred.stacking.internal.Auditor.divisible(k, asOf);
      }
      // qualified: the internal Auditor shares this class's name
      return io.github.microcred.stacking.internal.Auditor.exact(k, asOf, deadline);
    } catch (BudgetExceeded e) {
      // qualified: the internal Auditor shares this class's name
      return io.github.microcred.stacking.internal.Auditor.undecided(tree, rules, asOf, options.mode(),
          e.getMessage(), e.partial());
    }
  }

  /**
   * Reads one bulk input into a transcript; called on the worker threads, so parsing runs in parallel too.
   *
   * @param <T> the input type
   */
  @FunctionalInterface
  public interface Source<T> {
    /**
     * Reads.
     *
     * @param input one input
     * @return its transcript
     * @throws StackingException when the input is not a valid transcript (reported in its {@link BulkResult})
     */
    Transcript read(T input) throws StackingException;
  }

  /**
   * One audited input of a bulk run: its result, or the error that stopped it.
   *
   * @param <T> the input type
   * @param index the position of the input, from 0
   * @param input the input
   * @param result the result, or null on error
   * @param error the error, or null
   */
  public record BulkResult<T>(long index, T input, AuditResult result, StackingException error) {}

  /**
   * The totals of a bulk run.
   *
   * @param satisfied audits {@link AuditResult.Status#SATISFIED}
   * @param notSatisfied audits {@link AuditResult.Status#NOT_SATISFIED}
   * @param undecided audits {@link AuditResult.Status#UNDECIDED}
   * @param failed inputs that could not be read or audited
   */
  public record BulkSummary(long satisfied, long notSatisfied, long undecided, long failed) {
    /**
     * All inputs.
     *
     * @return the number of inputs
     */
    public long total() {
      return satisfied + notSatisfied + undecided + failed;
    }
  }

  /**
   * Audits a stream of transcripts in parallel on all cores, in constant memory: at most a fixed window of inputs is
   * in flight, and each result is handed to the sink, in input order, on the calling thread, then dropped.
   *
   * @param transcripts the transcripts (consumed lazily)
   * @param asOf the audit date
   * @param sink receives each result
   * @return the totals
   */
  public BulkSummary auditAll(Stream<Transcript> transcripts, LocalDate asOf,
      Consumer<? super BulkResult<Transcript>> sink) {
    Iterator<Transcript> it = transcripts.iterator();
    return auditAll(it, t -> t, asOf, sink, n -> { });
  }

  /**
   * Audits inputs in parallel on all cores, in constant memory: inputs are pulled from the iterator only while fewer
   * than a fixed window (64 per core) are in flight; each is read ({@code source}) and audited on a worker thread,
   * each with this auditor's budget; results are handed to the sink in input order on the calling thread.
   *
   * @param <T> the input type (e.g. a line of a JSONL file)
   * @param inputs the inputs (consumed lazily, on the calling thread)
   * @param source reads an input into a transcript
   * @param asOf the audit date
   * @param sink receives each result, in input order, on the calling thread
   * @param progress called with the number of inputs done after each result, on the calling thread
   * @return the totals
   */
  public <T> BulkSummary auditAll(Iterator<? extends T> inputs, Source<? super T> source, LocalDate asOf,
      Consumer<? super BulkResult<T>> sink, LongConsumer progress) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(progress, "progress");
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    int window = 64 * threads;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "mcred-audit");
      t.setDaemon(true);
      return t;
    });
    long[] counts = new long[4];
    try {
      ArrayDeque<Future<BulkResult<T>>> inFlight = new ArrayDeque<>();
      long index = 0;
      long done = 0;
      while (true) {
        while (inFlight.size() < window && inputs.hasNext()) {
          T in = inputs.next();
          long i = index++;
          inFlight.add(pool.submit(() -> {
            try {
              return new BulkResult<T>(i, in, audit(source.read(in), asOf), null);
            } catch (StackingException e) {
              return new BulkResult<T>(i, in, null, e);
            }
          }));
        }
        Future<BulkResult<T>> head = inFlight.poll();
        if (head == null) {
          break;
        }
        BulkResult<T> r = take(head);
        counts[r.result() == null ? 3 : switch (r.result().status()) {
          case SATISFIED -> 0;
          case NOT_SATISFIED -> 1;
          case UNDECIDED -> 2;
        }]++;
        sink.accept(r);
        progress.accept(++done);
      }
    } finally {
      pool.shutdownNow();
    }
    return new BulkSummary(counts[0], counts[1], counts[2], counts[3]);
  }

  private static <R> R take(Future<R> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error er) {
            throw er;
          }
          throw new IllegalStateException(c);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "Auditor[" + rules.id() + ", " + options + "]";
  }
}
