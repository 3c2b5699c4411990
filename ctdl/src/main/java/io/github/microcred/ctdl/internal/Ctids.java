package io.github.microcred.ctdl.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CTID grammar and where CTIDs are found in identifiers: one definition for the exporter, reader and validator. */
public final class Ctids {
  /** A well-formed CTID: {@code ce-} + lowercase UUID (CE "About the CTID"; CredRegSHACL regex). */
  public static final Pattern CTID = Pattern.compile("^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  /** A CTID of either case, the whole string. */
  static final Pattern CTID_ANY_CASE =
      Pattern.compile("^ce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  /** A CTID of either case that ends an identifier (a Registry URI, an id). */
  static final Pattern AT_END = Pattern.compile(
      "(ce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");

  private Ctids() {}

  /**
   * Whether a text is a CTID, ignoring case.
   *
   * @param s the text
   * @return true for {@code ce-} + a UUID of either case
   */
  public static boolean isCtidIgnoringCase(String s) {
    return CTID.matcher(s.toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * The CTID that ends an identifier, as written (not normalised).
   *
   * @param iri the identifier
   * @return the CTID, if the identifier ends with one
   */
  static Optional<String> atEnd(String iri) {
    Matcher m = AT_END.matcher(iri);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The CTID that ends an identifier, in lower case.
   *
   * @param iri the identifier
   * @return the CTID, or null
   */
  static String lowerAtEnd(String iri) {
    return atEnd(iri).map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
  }
}
