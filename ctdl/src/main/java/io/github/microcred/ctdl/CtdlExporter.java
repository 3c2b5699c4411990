package io.github.microcred.ctdl;

import io.github.microcred.core.MicroCredential;
import io.github.microcred.ctdl.internal.CoreMapping;
import io.github.microcred.ctdl.internal.CtdlModel;
import io.github.microcred.ctdl.internal.CtdlWriter;
import io.github.microcred.ctdl.internal.Ctids;
import io.github.microcred.ctdl.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A configured, immutable CTDL exporter. Obtain one with {@link Ctdl#exporter()}.
 *
 * <pre>{@code
 * CtdlGraph g = Ctdl.exporter().withCtdlClass("ceterms:OpenBadge").export(mc);
 * }</pre>
 */
public final class CtdlExporter {
  private final String ctdlClass;
  private final int requiredNumber;
  private final List<String> components;

  CtdlExporter(String ctdlClass, int requiredNumber, List<String> components) {
    this.ctdlClass = ctdlClass;
    this.requiredNumber = requiredNumber;
    this.components = List.copyOf(components);
  }

  /**
   * Uses a given concrete credential class instead of the one chosen from the kind.
   *
   * @param curie e.g. {@code ceterms:OpenBadge}
   * @return a new exporter
   * @throws CtdlException {@link CtdlErrorCode#INVALID_ARGUMENT} when the class is not a concrete CTDL credential
   *     class
   */
  public CtdlExporter withCtdlClass(String curie) throws CtdlException {
    Objects.requireNonNull(curie, "curie");
    Vocabulary v = Vocabulary.defaults();
    String c = v.compact(curie);
    if (v.classDef(c) == null || !v.isA(c, List.of("ceterms:Credential")) || c.equals("ceterms:Credential")
        || c.equals("ceterms:Degree")) {
      throw new CtdlException(CtdlErrorCode.INVALID_ARGUMENT,
          "'" + curie + "' is not a concrete CTDL credential class (e.g. ceterms:MicroCredential)");
    }
    return new CtdlExporter(c, requiredNumber, components);
  }

  /**
   * Exports the micro-credential as a stacking target: a {@code ceterms:Pathway} whose destination component (this
   * credential) has a {@code ceterms:ComponentCondition} requiring {@code requiredNumber} of the components.
   *
   * @param requiredNumber how many components must be earned (1..components)
   * @param componentCredentials CTIDs or Registry URIs of the component credentials
   * @return a new exporter
   * @throws CtdlException {@link CtdlErrorCode#INVALID_ARGUMENT} when the number is out of range or an entry is
   *     neither a CTID nor an absolute URI
   */
  public CtdlExporter withStackingTarget(int requiredNumber, List<String> componentCredentials)
      throws CtdlException {
    if (componentCredentials.isEmpty() || requiredNumber < 1 || requiredNumber > componentCredentials.size()) {
      throw new CtdlException(CtdlErrorCode.INVALID_ARGUMENT, "requiredNumber must be between 1 and the number of "
          + "components (" + componentCredentials.size() + "), got " + requiredNumber);
    }
    for (String c : componentCredentials) {
      if (!c.matches("^(ce-[0-9a-f-]{36}|[a-zA-Z][a-zA-Z0-9+.-]*:\\S+)$")) {
        throw new CtdlException(CtdlErrorCode.INVALID_ARGUMENT,
            "component '" + c + "' is neither a CTID nor an absolute URI");
      }
    }
    return new CtdlExporter(ctdlClass, requiredNumber, componentCredentials);
  }

  /**
   * Exports a micro-credential as a Registry-ready CTDL graph.
   *
   * @param mc the micro-credential
   * @return the graph, main resource first
   */
  public CtdlGraph export(MicroCredential mc) {
    Objects.requireNonNull(mc, "mc");
    CtdlModel m = CoreMapping.toModel(mc, ctdlClass);
    if (requiredNumber > 0) {
      CtdlModel.Pathway p = new CtdlModel.Pathway();
      p.requiredNumber = requiredNumber;
      List<CtdlModel.Ref> refs = new ArrayList<>();
      for (String c : components) {
        CtdlModel.Ref r = new CtdlModel.Ref();
        if (Ctids.isCtidIgnoringCase(c)) {
          r.ctid = c.toLowerCase(Locale.ROOT);
        } else {
          r.uri = c;
        }
        refs.add(r);
      }
      p.components.addAll(refs);
      m.pathway = p;
      m.hasPart.addAll(refs); // the target's parts are its component credentials
    }
    return new CtdlGraph(CtdlWriter.write(m), m.ctid);
  }
}
