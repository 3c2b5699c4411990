package io.github.microcred.vc.internal;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * RDFC-1.0 (W3C RDF Dataset Canonicalization), the whole algorithm (sections 4.4 to 4.8: canonicalization, Issue
 * Identifier, Hash First Degree Quads, Hash Related Blank Node, Hash N-Degree Quads), for the datasets
 * titanium-rdfc 2.0.0 labels differently from the specification: those with a statement that mentions one blank
 * node in two or three positions ({@code _:b0 <p> _:b0 .}). The specification's blank node to quads map "relates a
 * blank node identifier to the quads in which they appear" and the mention set of a node is "the set of all quads
 * in a dataset that mention" it: such a statement is one member of the set, serialized once by Hash First Degree
 * Quads and visited once by Hash N-Degree Quads. titanium-rdfc adds it once per position, so the first-degree hash
 * (and the related hashes of the other nodes of such a statement) differ from the specification's and from
 * rdf-canonize, the reference implementation, whenever the order of those hashes decides a label
 * ({@code RdfcDifferentialTest}). Proved byte for byte on the W3C rdf-canon suite ({@code RdfcVectorTest}).
 *
 * <p>Work is bounded by the caller's ticker (the {@link io.github.microcred.vc.CanonicalizationLimits} work bound
 * and deadline, as for titanium-rdfc): one tick per blank node hashed at first degree, per Hash N-Degree Quads call
 * and per permutation examined, so a poison graph stops with the ticker's exception.
 */
public final class Rdfc10 {
  /** A statement; {@code datatype} non-null marks a literal object; {@code graph} null is the default graph. */
  record Quad(String subject, String predicate, String object, String datatype, String language,
      String direction, String graph) {
    String line() {
      return NQuadsWriter.nquad(subject, predicate, object, datatype, language, direction, graph);
    }
  }

  /**
   * The canonical statements (in canonical order, with their lines) and the issued identifiers map (input label to
   * canonical label, both with {@code _:}, in issue order).
   */
  record Result(List<Quad> quads, List<String> lines, Map<String, String> issued) {}

  private final Map<String, List<Quad>> mentions = new HashMap<>();
  private final Issuer canonical = new Issuer("c14n");
  private final Map<String, String> firstDegree = new HashMap<>();
  private final MessageDigest md;
  private final RdfCanonTicker ticker;

  private Rdfc10(String rdfcHash, RdfCanonTicker ticker) throws NoSuchAlgorithmException {
    this.md = MessageDigest.getInstance(rdfcHash);
    this.ticker = ticker;
  }

  /**
   * A canonicalizer in place of titanium-rdfc's {@link RdfCanon}: it collects the statements and, when one of them
   * mentions a blank node twice, labels the dataset here; otherwise titanium-rdfc labels it exactly as before (same
   * ticks, same output).
   *
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param ticker the work and time bound
   * @return the canonicalizer
   */
  public static Canon canon(String rdfcHash, RdfCanonTicker ticker) {
    return new Canon(rdfcHash, ticker);
  }

  /** Collects a dataset, then hands out its canonical statements ({@link #canon}). */
  public static final class Canon implements RdfQuadConsumer {
    private final String rdfcHash;
    private final RdfCanonTicker ticker;
    private final List<Quad> quads = new ArrayList<>();
    private boolean twice;
    private Map<String, String> mapping;

    private Canon(String rdfcHash, RdfCanonTicker ticker) {
      this.rdfcHash = rdfcHash;
      this.ticker = ticker;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
        String direction, String graph) {
      quads.add(new Quad(subject, predicate, object, datatype, language, direction, graph));
      twice |= mentionsABlankNodeTwice(subject, object, datatype, graph);
      return this;
    }

    /**
     * Whether the dataset goes through this class rather than titanium-rdfc.
     *
     * @return true when a statement mentions a blank node twice
     */
    public boolean own() {
      return twice;
    }

    /**
     * Hands the canonical statements, in canonical order, to {@code out}.
     *
     * @param out the consumer
     * @throws RdfConsumerException from {@code out}
     * @throws IllegalArgumentException for an unknown hash (as titanium-rdfc)
     */
    public void provide(RdfQuadConsumer out) throws RdfConsumerException {
      if (!twice) {
        RdfCanon c = RdfCanon.create(rdfcHash, ticker);
        for (Quad q : quads) {
          c.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), q.direction(), q.graph());
        }
        c.provide(out);
        mapping = c.mapping();
        return;
      }
      Result r;
      try {
        r = canonicalize(quads, rdfcHash, ticker);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalArgumentException("unknown RDFC-1.0 hash " + rdfcHash, e);
      }
      for (Quad q : r.quads()) {
        out.quad(q.subject(), q.predicate(), q.object(), q.datatype(), q.language(), q.direction(), q.graph());
      }
      mapping = r.issued();
    }

    /**
     * The issued identifiers map of the last {@link #provide} (input label to canonical label, with {@code _:}).
     *
     * @return the map
     */
    public Map<String, String> mapping() {
      return mapping;
    }
  }

  /** Whether a statement names one blank node in two or three positions (what titanium-rdfc counts twice). */
  static boolean mentionsABlankNodeTwice(String subject, String object, String datatype, String graph) {
    String o = datatype == null ? object : null;
    return subject.startsWith("_:") && (subject.equals(o) || subject.equals(graph))
        || o != null && o.startsWith("_:") && o.equals(graph);
  }

  /**
   * The canonical form of a dataset (a repeated statement counts once: a dataset is a set).
   *
   * @param quads the statements, blank nodes written {@code _:label}
   * @param rdfcHash {@code SHA-256} or {@code SHA-384}
   * @param ticker called for every unit of work; throws to stop
   * @return the canonical statements and the issued identifiers map (labels with {@code _:})
   * @throws NoSuchAlgorithmException for an unknown hash
   */
  static Result canonicalize(List<Quad> quads, String rdfcHash, RdfCanonTicker ticker)
      throws NoSuchAlgorithmException {
    return new Rdfc10(rdfcHash, ticker).run(new ArrayList<>(new LinkedHashSet<>(quads)));
  }

  private Result run(List<Quad> dataset) {
    ticker.tick();
    // 4.4.3 step 2: the blank node to quads map (each quad once per blank node it mentions)
    for (Quad q : dataset) {
      for (String b : blankNodes(q)) {
        mentions.computeIfAbsent(b, k -> new ArrayList<>(4)).add(q);
      }
    }
    // step 3: first-degree hashes
    TreeMap<String, List<String>> byHash = new TreeMap<>();
    for (String n : mentions.keySet()) {
      byHash.computeIfAbsent(hashFirstDegree(n), k -> new ArrayList<>(1)).add(n);
    }
    // step 4: unique hashes, in code point order of the hash
    byHash.values().removeIf(ids -> {
      if (ids.size() > 1) {
        return false;
      }
      canonical.issue(ids.get(0));
      return true;
    });
    // step 5: the rest, by Hash N-Degree Quads
    for (List<String> ids : byHash.values()) {
      List<NDegree> paths = new ArrayList<>();
      for (String n : ids) {
        if (canonical.has(n)) {
          continue;
        }
        Issuer temporary = new Issuer("b");
        temporary.issue(n);
        paths.add(hashNDegree(n, temporary));
      }
      paths.sort((a, b) -> a.hash.compareTo(b.hash));
      for (NDegree r : paths) {
        for (String existing : r.issuer.issued.keySet()) {
          canonical.issue(existing);
        }
      }
    }
    // step 6/7: relabel and sort
    int n = dataset.size();
    String[] lines = new String[n];
    Map<String, Quad> byLine = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      Quad q = dataset.get(i);
      Quad r = new Quad(relabel(q.subject()), q.predicate(),
          q.datatype() == null ? relabel(q.object()) : q.object(), q.datatype(), q.language(), q.direction(),
          q.graph() == null ? null : relabel(q.graph()));
      lines[i] = r.line();
      byLine.put(lines[i], r);
    }
    Arrays.sort(lines);
    List<Quad> out = new ArrayList<>(n);
    for (String line : lines) {
      out.add(byLine.get(line));
    }
    Map<String, String> issued = new LinkedHashMap<>();
    canonical.issued.forEach((k, v) -> issued.put(k, "_:" + v));
    return new Result(out, Arrays.asList(lines), Collections.unmodifiableMap(issued));
  }

  private String relabel(String term) {
    return term.startsWith("_:") ? "_:" + canonical.issued.get(term) : term;
  }

  /** The distinct blank nodes of a statement. */
  private static Set<String> blankNodes(Quad q) {
    Set<String> out = new LinkedHashSet<>(4);
    if (q.subject().startsWith("_:")) {
      out.add(q.subject());
    }
    if (q.datatype() == null && q.object().startsWith("_:")) {
      out.add(q.object());
    }
    if (q.graph() != null && q.graph().startsWith("_:")) {
      out.add(q.graph());
    }
    return out;
  }

  private String hash(String s) {
    md.reset();
    byte[] h = md.digest(s.getBytes(StandardCharsets.UTF_8));
    StringBuilder b = new StringBuilder(h.length * 2);
    for (byte x : h) {
      b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    }
    return b.toString();
  }

  /** 4.6 Hash First Degree Quads (memoized: it depends only on the dataset). */
  private String hashFirstDegree(String reference) {
    String known = firstDegree.get(reference);
    if (known != null) {
      return known;
    }
    ticker.tick();
    List<Quad> qs = mentions.get(reference);
    String[] lines = new String[qs.size()];
    for (int i = 0; i < lines.length; i++) {
      Quad q = qs.get(i);
      lines[i] = NQuadsWriter.nquad(mark(q.subject(), reference), q.predicate(),
          q.datatype() == null ? mark(q.object(), reference) : q.object(), q.datatype(), q.language(),
          q.direction(), q.graph() == null ? null : mark(q.graph(), reference));
    }
    Arrays.sort(lines);
    String h = hash(String.join("", lines));
    firstDegree.put(reference, h);
    return h;
  }

  private static String mark(String term, String reference) {
    return term.startsWith("_:") ? term.equals(reference) ? "_:a" : "_:z" : term;
  }

  /** 4.7 Hash Related Blank Node. */
  private String hashRelated(String related, Quad quad, Issuer issuer, char position) {
    StringBuilder input = new StringBuilder().append(position);
    if (position != 'g') {
      input.append('<').append(quad.predicate()).append('>');
    }
    if (canonical.has(related)) {
      input.append("_:").append(canonical.issued.get(related));
    } else if (issuer.has(related)) {
      input.append("_:").append(issuer.issued.get(related));
    } else {
      input.append(hashFirstDegree(related));
    }
    return hash(input.toString());
  }

  /** The result of Hash N-Degree Quads: a hash and the issuer it leaves. */
  private record NDegree(String hash, Issuer issuer) {}

  /** 4.8 Hash N-Degree Quads. */
  private NDegree hashNDegree(String identifier, Issuer issuer) {
    ticker.tick();
    TreeMap<String, List<String>> related = new TreeMap<>();
    for (Quad q : mentions.get(identifier)) {
      relate(related, q.subject(), identifier, q, issuer, 's');
      if (q.datatype() == null) {
        relate(related, q.object(), identifier, q, issuer, 'o');
      }
      if (q.graph() != null) {
        relate(related, q.graph(), identifier, q, issuer, 'g');
      }
    }
    StringBuilder data = new StringBuilder();
    for (Map.Entry<String, List<String>> e : related.entrySet()) {
      data.append(e.getKey());
      String chosenPath = "";
      Issuer chosenIssuer = null;
      List<String> list = new ArrayList<>(e.getValue());
      Collections.sort(list);
      do {
        ticker.tick();
        Issuer copy = issuer.copy();
        StringBuilder path = new StringBuilder();
        List<String> recursion = new ArrayList<>();
        boolean skip = false;
        for (String r : list) {
          if (canonical.has(r)) {
            path.append("_:").append(canonical.issued.get(r));
          } else {
            if (!copy.has(r)) {
              recursion.add(r);
            }
            path.append("_:").append(copy.issue(r));
          }
          if (worse(path, chosenPath)) {
            skip = true;
            break;
          }
        }
        if (!skip) {
          for (String r : recursion) {
            NDegree result = hashNDegree(r, copy);
            path.append("_:").append(copy.issue(r)).append('<').append(result.hash).append('>');
            copy = result.issuer;
            if (worse(path, chosenPath)) {
              skip = true;
              break;
            }
          }
        }
        if (!skip && (chosenPath.isEmpty() || path.toString().compareTo(chosenPath) < 0)) {
          chosenPath = path.toString();
          chosenIssuer = copy;
        }
      } while (nextPermutation(list));
      data.append(chosenPath);
      issuer = chosenIssuer;
    }
    return new NDegree(hash(data.toString()), issuer);
  }

  private static boolean worse(CharSequence path, String chosen) {
    return !chosen.isEmpty() && path.length() >= chosen.length() && path.toString().compareTo(chosen) > 0;
  }

  private void relate(TreeMap<String, List<String>> related, String component, String identifier, Quad q,
      Issuer issuer, char position) {
    if (component.startsWith("_:") && !component.equals(identifier)) {
      related.computeIfAbsent(hashRelated(component, q, issuer, position), k -> new ArrayList<>(2))
          .add(component);
    }
  }

  /** The next permutation in lexicographic order, in place; false after the last. */
  private static boolean nextPermutation(List<String> a) {
    int i = a.size() - 2;
    while (i >= 0 && a.get(i).compareTo(a.get(i + 1)) >= 0) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.size() - 1;
    while (a.get(j).compareTo(a.get(i)) <= 0) {
      j--;
    }
    Collections.swap(a, i, j);
    Collections.reverse(a.subList(i + 1, a.size()));
    return true;
  }

  /** 4.5 Issue Identifier: an identifier issuer (prefix, counter, issued identifiers map in issue order). */
  private static final class Issuer {
    private final String prefix;
    private final LinkedHashMap<String, String> issued;

    Issuer(String prefix) {
      this(prefix, new LinkedHashMap<>());
    }

    private Issuer(String prefix, LinkedHashMap<String, String> issued) {
      this.prefix = prefix;
      this.issued = issued;
    }

    boolean has(String id) {
      return issued.containsKey(id);
    }

    /** The identifier issued for {@code id} (without {@code _:}), issuing it when new. */
    String issue(String id) {
      String known = issued.get(id);
      if (known == null) {
        known = prefix + issued.size();
        issued.put(id, known);
      }
      return known;
    }

    Issuer copy() {
      return new Issuer(prefix, new LinkedHashMap<>(issued));
    }
  }
}
