package io.github.microcred.vc.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.vc.VcException;
import java.util.Objects;
import java.util.Optional;

/**
 * OB3 {@code Profile}: an issuer, creator or other party.
 *
 * @param id IRI of the profile (for an issuer: a DID or the https: URL of its controller document)
 * @param name the name
 * @param url the home page
 * @param email contact e-mail
 * @param description a description
 */
public record Profile(String id, Optional<String> name, Optional<String> url, Optional<String> email,
    Optional<String> description) {
  /**
   * Validates.
   *
   * @param id see the record description
   * @param name see the record description
   * @param url see the record description
   * @param email see the record description
   * @param description see the record description
   */
  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(description, "description");
  }

  /**
   * A profile with an id and a name.
   *
   * @param id the id
   * @param name the name
   * @return the profile
   */
  public static Profile of(String id, String name) {
    return new Profile(id, Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The JSON-LD form.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode n = Json.obj();
    n.put("id", id);
    n.putArray("type").add("Profile");
    Json.put(n, "name", name);
    Json.put(n, "url", url);
    Json.put(n, "email", email);
    Json.put(n, "description", description);
    return n;
  }

  /**
   * Reads a profile (an object, or a bare IRI string).
   *
   * @param n the JSON
   * @param path the JSON path, for errors
   * @return the profile
   * @throws VcException if {@code id} is missing
   */
  public static Profile fromJson(JsonNode n, String path) throws VcException {
    if (n.isTextual()) {
      return new Profile(n.asText(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    return new Profile(Json.required(n, "id", path), Json.str(n, "name"), Json.str(n, "url"), Json.str(n, "email"),
        Json.str(n, "description"));
  }
}
