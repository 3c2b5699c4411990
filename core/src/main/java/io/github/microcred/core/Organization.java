package io.github.microcred.core;

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
}
