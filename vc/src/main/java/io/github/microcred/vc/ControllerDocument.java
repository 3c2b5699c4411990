package io.github.microcred.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A controller document (W3C Controlled Identifiers / DID document): its id, verification methods, and which
 * methods are authorised for which verification relationship ({@code assertionMethod}, {@code authentication},
 * ...). Immutable.
 */
public final class ControllerDocument {
  /** The verification relationships read from documents. */
  public static final List<String> RELATIONSHIPS = List.of("assertionMethod", "authentication",
      "capabilityInvocation", "capabilityDelegation", "keyAgreement");

  private final String id;
  private final Map<String, VerificationMethod> methods;
  private final Map<String, Set<String>> relationships;

  private ControllerDocument(String id, Map<String, VerificationMethod> methods,
      Map<String, Set<String>> relationships) {
    this.id = id;
    this.methods = methods;
    this.relationships = relationships;
  }

  /**
   * Creates a document.
   *
   * @param id the controller id
   * @param methods the verification methods
   * @param relationships relationship name to the ids of the methods authorised for it
   * @return the document
   */
  public static ControllerDocument of(String id, List<VerificationMethod> methods,
      Map<String, Set<String>> relationships) {
    Map<String, VerificationMethod> m = new LinkedHashMap<>();
    methods.forEach(v -> m.put(v.id(), v));
    Map<String, Set<String>> r = new LinkedHashMap<>();
    relationships.forEach((k, v) -> r.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    return new ControllerDocument(id, Collections.unmodifiableMap(m), Collections.unmodifiableMap(r));
  }

  /**
   * A document for a single key, authorised for every signing relationship (what {@code did:key} and
   * {@code did:jwk} produce).
   *
   * @param id the controller id
   * @param vmId the verification method id
   * @param type the verification method type
   * @param key the key
   * @return the document
   */
  public static ControllerDocument singleKey(String id, String vmId, String type, PublicKey key) {
    Map<String, Set<String>> r = new LinkedHashMap<>();
    for (String rel : List.of("assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation")) {
      r.put(rel, Set.of(vmId));
    }
    return of(id, List.of(new VerificationMethod(vmId, type, id, key)), r);
  }

  /**
   * Parses a controller document given as JSON (e.g. an issuer's {@code https:} document or a did:web document).
   * Verification methods of type {@code Multikey}, {@code Ed25519VerificationKey2020} ({@code publicKeyMultibase})
   * and {@code JsonWebKey} / {@code JsonWebKey2020} ({@code publicKeyJwk}) are read; relative ids
   * ({@code #key-1}) are resolved against the document id. Relationship entries may be ids or embedded methods.
   * Every verification method must name its {@code controller} (a string; Controlled Identifiers 1.0 section 2.2):
   * one without is refused, never given the document's id.
   *
   * @param json the document
   * @return the document
   * @throws VcException {@link VcErrorCode#INVALID_DOCUMENT} naming the JSON path that is wrong
   */
  public static ControllerDocument fromJson(JsonNode json) throws VcException {
    if (json == null || !json.isObject() || !json.path("id").isTextual()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: $.id must be a string");
    }
    String id = json.get("id").asText();
    List<VerificationMethod> methods = new ArrayList<>();
    Map<String, FirstSeen> seen = new HashMap<>();
    JsonNode vms = json.path("verificationMethod");
    for (int i = 0; i < vms.size(); i++) {
      String path = "$.verificationMethod[" + i + "]";
      methods.add(unique(parseMethod(vms.get(i), id, path), path, seen));
    }
    Map<String, Set<String>> rel = new LinkedHashMap<>();
    for (String r : RELATIONSHIPS) {
      JsonNode arr = json.path(r);
      if (arr.isMissingNode()) {
        continue;
      }
      if (!arr.isArray()) {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: $." + r + " must be an array");
      }
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode e = arr.get(i);
        if (e.isTextual()) {
          ids.add(absolute(e.asText(), id));
        } else {
          String path = "$." + r + "[" + i + "]";
          VerificationMethod vm = unique(parseMethod(e, id, path), path, seen);
          methods.add(vm);
          ids.add(vm.id());
        }
      }
      rel.put(r, ids);
    }
    return of(id, methods, rel);
  }

  /**
   * One id, one method: a method repeated identically (a key listed under {@code verificationMethod} and embedded
   * again in a relationship) is one method; two different methods under one id are refused, since which key the id
   * names would otherwise depend on the order of the members (the last one silently won before).
   */
  private static VerificationMethod unique(VerificationMethod vm, String path, Map<String, FirstSeen> seen)
      throws VcException {
    FirstSeen first = seen.putIfAbsent(vm.id(), new FirstSeen(vm, path));
    if (first != null && !first.method().equals(vm)) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: " + path + " and " + first.path()
          + " are different verification methods with the same id " + vm.id() + " (expected one method per id)");
    }
    return vm;
  }

  private static String brief(JsonNode n) {
    String t = n.toString();
    return t.length() > 40 ? t.substring(0, 40) + "..." : t;
  }

  private record FirstSeen(VerificationMethod method, String path) {}

  private static String absolute(String ref, String base) {
    return ref.startsWith("#") ? base + ref : ref;
  }

  private static VerificationMethod parseMethod(JsonNode vm, String docId, String path) throws VcException {
    if (!vm.isObject() || !vm.path("id").isTextual() || !vm.path("type").isTextual()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: " + path
          + " must be an object with string id and type");
    }
    String type = vm.get("type").asText();
    // Controlled Identifiers 1.0 s2.2: "The verification method map MUST include the id, type, controller, and
    // specific verification material properties"; "The value of the controller property MUST be a string". The
    // controller is what binds the key to an issuer: it is read, never assumed to be the document's id.
    if (!vm.path("controller").isTextual() || vm.get("controller").asText().isEmpty()) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: " + path + ".controller: expected"
          + " a string naming the controller (a verification method must include controller), got "
          + (vm.has("controller") ? vm.get("controller").getNodeType().toString().toLowerCase(Locale.ROOT)
              + " " + brief(vm.get("controller")) : "nothing"));
    }
    String controller = vm.get("controller").asText();
    PublicKey key;
    try {
      if (vm.path("publicKeyMultibase").isTextual()) {
        key = PublicKey.fromMultibase(vm.get("publicKeyMultibase").asText());
      } else if (vm.path("publicKeyJwk").isObject()) {
        if (vm.get("publicKeyJwk").has("d")) {
          throw new VcException(VcErrorCode.INVALID_KEY, "publicKeyJwk contains a private key member 'd'");
        }
        key = PublicKey.fromJwk(vm.get("publicKeyJwk"));
      } else {
        throw new VcException(VcErrorCode.INVALID_DOCUMENT, "no publicKeyMultibase or publicKeyJwk");
      }
    } catch (VcException e) {
      throw new VcException(VcErrorCode.INVALID_DOCUMENT, "controller document: " + path + ": " + e.getMessage());
    }
    return new VerificationMethod(absolute(vm.get("id").asText(), docId), type, absolute(controller, docId), key);
  }

  /**
   * The controller id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The verification methods.
   *
   * @return an unmodifiable list
   */
  public List<VerificationMethod> verificationMethods() {
    return List.copyOf(methods.values());
  }

  /**
   * Looks a verification method up by its absolute id.
   *
   * @param vmId the id
   * @return the method, if present
   */
  public Optional<VerificationMethod> method(String vmId) {
    return Optional.ofNullable(methods.get(vmId));
  }

  /**
   * Whether the method is listed under the relationship.
   *
   * @param vmId the method id
   * @param relationship e.g. {@code assertionMethod}
   * @return true if authorised
   */
  public boolean authorizes(String vmId, String relationship) {
    return relationships.getOrDefault(relationship, Set.of()).contains(vmId);
  }

  /**
   * The document as JSON (Multikey verification methods; RSA keys, which Multikey does not define, as
   * {@code JsonWebKey} with {@code publicKeyJwk}).
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    ArrayNode ctx = n.putArray("@context");
    ctx.add(id.startsWith("did:") ? "https://www.w3.org/ns/did/v1" : "https://www.w3.org/ns/cid/v1");
    ctx.add("https://w3id.org/security/multikey/v1");
    if (methods.values().stream().anyMatch(vm -> vm.publicKey().type() == KeyType.RSA)) {
      ctx.add("https://w3id.org/security/jwk/v1");
    }
    n.put("id", id);
    ArrayNode vms = n.putArray("verificationMethod");
    for (VerificationMethod vm : methods.values()) {
      if (vm.publicKey().type() == KeyType.RSA) {
        vms.addObject().put("id", vm.id()).put("type", "JsonWebKey").put("controller", vm.controller())
            .set("publicKeyJwk", vm.publicKey().toJwk());
        continue;
      }
      vms.addObject().put("id", vm.id()).put("type", "Multikey").put("controller", vm.controller())
          .put("publicKeyMultibase", vm.publicKey().toMultibase());
    }
    relationships.forEach((r, ids) -> {
      ArrayNode a = n.putArray(r);
      ids.forEach(a::add);
    });
    return n;
  }

  @Override
  public String toString() {
    return "ControllerDocument[" + id + ", " + methods.size() + " methods]";
  }
}
