package io.github.microcred.vc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import io.github.microcred.vc.internal.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * For each IRI the verifiers decide on, which terms the pinned contexts define for it, in every scope (the top level,
 * and the type- and property-scoped contexts two levels down), for the context lists credentials use. The compact
 * form check relies on each checked IRI having exactly one term, the one the verifiers read; a pinned context that
 * defined a second term for one of these IRIs (or an alias of {@code @id} / {@code @type} other than {@code id} /
 * {@code type}) would fail here. The same holds for the terms under which embedded credentials are found
 * ({@code verifiableCredential}, {@code endorsement}, {@code endorsementJwt}).
 */
class CheckedTermsTest {
  static final String CRED = "https://www.w3.org/2018/credentials#";
  static final String STATUS = "https://www.w3.org/ns/credentials/status#";
  static final String VC2 = "https://www.w3.org/ns/credentials/v2";
  static final String OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  /** Embedded credentials are found by these terms ({@code NestedCredentials}): no other term may reach them. */
  static final String OB_VOCAB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
  static final String CLR_VOCAB = "https://purl.imsglobal.org/spec/vc/clr/vocab.html#";
  static final Map<String, String> CHECKED = Map.ofEntries(Map.entry(CRED + "validFrom", "validFrom"),
      Map.entry(CRED + "validUntil", "validUntil"), Map.entry(CRED + "issuanceDate", "issuanceDate"),
      Map.entry(CRED + "expirationDate", "expirationDate"), Map.entry(CRED + "credentialStatus", "credentialStatus"),
      Map.entry(CRED + "issuer", "issuer"), Map.entry(CRED + "credentialSubject", "credentialSubject"),
      Map.entry(STATUS + "statusPurpose", "statusPurpose"), Map.entry(STATUS + "statusListIndex", "statusListIndex"),
      Map.entry(STATUS + "statusListCredential", "statusListCredential"), Map.entry(STATUS + "statusSize", "statusSize"),
      Map.entry(CRED + "verifiableCredential", "verifiableCredential"),
      Map.entry(CLR_VOCAB + "verifiableCredential", "verifiableCredential"),
      Map.entry(OB_VOCAB + "endorsement", "endorsement"), Map.entry(OB_VOCAB + "endorsementJwt", "endorsementJwt"),
      Map.entry("@id", "id"), Map.entry("@type", "type"));

  static ActiveContext active(List<String> urls) throws JsonLdError {
    ContextLoader loader = ContextLoader.pinned();
    JsonLdOptions options = new JsonLdOptions((url, o) -> {
      try {
        return JsonDocument.of(loader.load(url.toString()));
      } catch (VcException e) {
        throw new IllegalStateException(e);
      }
    });
    JsonArrayBuilder a = JsonSupport.PROVIDER.createArrayBuilder();
    urls.forEach(a::add);
    return new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext().create(a.build(), null);
  }

  /** IRI -> terms, over the context and its scoped contexts down to {@code depth}. */
  static void collect(ActiveContext c, int depth, Map<String, Set<String>> out, Set<String> prefixes) {
    for (Map.Entry<String, TermDefinition> e : c.getTermsMapping().entrySet()) {
      TermDefinition d = e.getValue();
      if (d == null) {
        continue;
      }
      String iri = d.getUriMapping();
      if (iri != null && CHECKED.containsKey(iri)) {
        out.computeIfAbsent(iri, k -> new TreeSet<>()).add(e.getKey());
      }
      if (d.isPrefix() && CRED.equals(iri)) {
        prefixes.add(e.getKey());
      }
      if (depth > 0 && d.hasLocalContext()) {
        try {
          collect(c.newContext().overrideProtected(true).create(d.getLocalContext(), d.getBaseUrl()), depth - 1, out,
              prefixes);
        } catch (JsonLdError ex) {
          // a scoped context that cannot apply here
        }
      }
    }
  }

  @Test
  void eachCheckedIriHasExactlyTheTermTheVerifiersRead() throws Exception {
    List<List<String>> lists = List.of(List.of(VC2), List.of(VC2, OB3),
        List.of(VC2, "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", OB3,
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
        List.of(VC2, "https://www.w3.org/ns/credentials/examples/v2"),
        List.of(VC2, "https://www.w3.org/ns/credentials/status/v1"),
        List.of("https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"));
    Map<String, Map<String, Set<String>>> report = new TreeMap<>();
    for (List<String> urls : lists) {
      Map<String, Set<String>> found = new TreeMap<>();
      Set<String> prefixes = new TreeSet<>();
      collect(active(urls), 2, found, prefixes);
      report.put(urls.toString(), found);
      for (Map.Entry<String, Set<String>> e : found.entrySet()) {
        assertEquals(Set.of(CHECKED.get(e.getKey())), e.getValue(), urls + ": terms for " + e.getKey());
      }
      for (String iri : List.of(CRED + "issuer", CRED + "credentialSubject", CRED + "validFrom", CRED + "validUntil",
          "@id", "@type")) {
        assertTrue(found.containsKey(iri), urls + " defines a term for " + iri + ": " + found);
      }
      if (urls.contains(OB3)) {
        assertTrue(found.containsKey(OB_VOCAB + "endorsement") && found.containsKey(OB_VOCAB + "endorsementJwt"),
            urls + ": " + found);
      }
      if (urls.get(0).equals("https://www.w3.org/2018/credentials/v1")
          || urls.contains("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")) {
        // a CURIE such as cred:validUntil is a real alias in these scopes: why CompactForm refuses keys with ':'
        assertTrue(prefixes.contains("cred"), urls + ": " + prefixes);
      }
    }
    System.out.println("CheckedTermsTest: " + report);
  }
}
