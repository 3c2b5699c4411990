package io.github.microcred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.microcred.core.internal.JsonCodec;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An organisation: an issuer or awarding body, a quality assurance body or an accreditor. */
public final class Organization {

  /** What an organisation does for a micro-credential. */
  public enum Role {
    /** Issues awards (signs credentials). */
    ISSUER,
    /** Awards the micro-credential (EU Annex I "awarding body"). */
    AWARDING_BODY,
    /** Quality-assures it. */
    QA_BODY,
    /** Accredits the provider or the micro-credential. */
    ACCREDITOR
  }

  private final String name;
  private final String id;
  private final String country;
  private final String url;
  private final String email;
  private final Set<Role> roles;

  private Organization(Builder b) {
    if (b.name == null || b.name.isBlank()) {
      throw new IllegalArgumentException("organization name must not be blank");
    }
    this.name = b.name;
    this.id = b.id;
    this.country = b.country;
    this.url = b.url;
    this.email = b.email;
    this.roles = Set.copyOf(b.roles);
  }

  /**
   * A builder.
   *
   * @param name the organisation's name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /**
   * A builder holding this organisation's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder().name(name).id(id).country(country).url(url).email(email);
    b.roles.addAll(roles);
    return b;
  }

  /**
   * The name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The identifier (a URI or DID).
   *
   * @return the id
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * The ISO 3166-1 alpha-2 country code.
   *
   * @return the country
   */
  public Optional<String> country() {
    return Optional.ofNullable(country);
  }

  /**
   * The web site.
   *
   * @return the URL
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /**
   * The contact email.
   *
   * @return the email
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * The roles.
   *
   * @return the roles, unmodifiable
   */
  public Set<Role> roles() {
    return roles;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Organization x
        && name.equals(x.name)
        && Objects.equals(id, x.id)
        && Objects.equals(country, x.country)
        && Objects.equals(url, x.url)
        && Objects.equals(email, x.email)
        && roles.equals(x.roles);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id, country, url, email, roles);
  }

  @Override
  public String toString() {
    return "Organization[" + name + (id == null ? "" : ", " + id) + "]";
  }

  /** Builds an {@link Organization}. */
  public static final class Builder {
    private String name;
    private String id;
    private String country;
    private String url;
    private String email;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);

    private Builder() {}

    /**
     * Sets the name.
     *
     * @param name not blank
     * @return this
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the identifier.
     *
     * @param id a URI or DID, or null for none
     * @return this
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the country.
     *
     * @param country ISO 3166-1 alpha-2, or null
     * @return this
     */
    public Builder country(String country) {
      this.country = country;
      return this;
    }

    /**
     * Sets the web site.
     *
     * @param url the URL, or null
     * @return this
     */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets the email.
     *
     * @param email the email, or null
     * @return this
     */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * Adds roles.
     *
     * @param roles the roles
     * @return this
     */
    public Builder role(Role... roles) {
      for (Role r : roles) {
        this.roles.add(Objects.requireNonNull(r, "role"));
      }
      return this;
    }

    /**
     * Builds.
     *
     * @return the organisation
     */
    public Organization build() {
      return new Organization(this);
    }
  }

  /**
   * The JSON form of this organization (an awarding body, issuer, provider or QA body), the form it has inside a
   * micro-credential. {@code toPrettyString()} of the tree is the indented text, {@code toString()} the compact one.
   *
   * @return a new tree, owned by the caller
   */
  public ObjectNode toJson() {
    return JsonCodec.writeOrganization(this);
  }

  /**
   * Reads an organization from its JSON text ({@link #toJson()}). Reading is strict: an unknown property, a duplicate key,
   * content after the document or a value of the wrong type is an error naming its JSON path; nothing is dropped or
   * defaulted silently.
   *
   * @param json the JSON text
   * @return the organization
   * @throws CoreException {@link CoreErrorCode#MALFORMED_JSON} with line and column for a syntax error (and the path
   *     where the text nests deeper than 256 levels), {@link CoreErrorCode#INVALID_DOCUMENT} listing every path for
   *     a document that does not fit the model
   */
  public static Organization fromJson(String json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readOrganizationAt(n, "$"));
  }

  /**
   * Reads an organization from its JSON tree ({@link #toJson()}), as strictly as {@link #fromJson(String)}.
   *
   * @param json the tree
   * @return the organization
   * @throws CoreException {@link CoreErrorCode#INVALID_DOCUMENT} listing every problem with its path
   */
  public static Organization fromJson(JsonNode json) throws CoreException {
    return MicroCredentialJson.read(json, (c, n) -> c.readOrganizationAt(n, "$"));
  }
}
