package io.github.microcred.ctdl.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CTDL-shaped description of one credential offering that the writer emits and the reader fills: the seam
 * between the core model (mapped by {@code CoreMapping}) and the JSON shapes ({@code CtdlWriter} /
 * {@code CtdlReader}). Mutable, internal only.
 */
public final class CtdlModel {
  /** Language-tagged text: BCP 47 tag → text, in insertion order. */
  public static Map<String, String> text(String lang, String value) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(lang, value);
    return m;
  }

  /** An agent (issuer, QA body). */
  public static final class Org {
    public String ctid;
    public String id;
    public Map<String, String> name = new LinkedHashMap<>();
    public Map<String, String> description = new LinkedHashMap<>();
    public String webpage;
    public String email;
    public String country;
    public String region;
    /** An identifier of the organization that is not a CTID ({@code ceterms:sameAs}). */
    public String sameAs;
    public boolean qa;
  }

  /** A QA relation: accreditedBy / approvedBy / recognizedBy / regulatedBy. */
  public static final class Qa {
    public String relation = "ceterms:accreditedBy";
    public Org org = new Org();
  }

  /** An amount of credit in a unit (a {@code creditUnit:} local name, or ECTS, CATS, NZQA); the amount is exact. */
  public static final class Credit {
    public BigDecimal amount = BigDecimal.ZERO;
    public String unit;
    public String unitText;
  }

  /** A level in a framework (EQF, ISCED or a national framework). */
  public static final class Level {
    public String framework;
    public String frameworkName;
    public String node;
    public String nodeName;
  }

  /** A competency / learning outcome. */
  public static final class Competency {
    public String text;
    public String lang = "en";
    public String uri;
    public String frameworkUri;
    public String frameworkName;
    public String ctid;
    public String category;
  }

  /** A reference to another resource (credential, pathway). */
  public static final class Ref {
    public String ctid;
    public String uri;
    public String name;
  }

  /** The assessment. */
  public static final class Assessment {
    public String description;
    public List<String> methods = new ArrayList<>();
    public String delivery;
    public Boolean proctored;
    public String ctid;
    public String methodDescription;
  }

  /** Entry to, or credit towards, degree programmes ({@code isPreparationFor} / {@code isAdvancedStandingFor}). */
  public static final class DegreeRoute {
    public List<String> programmes = new ArrayList<>();
    public Credit credit;
  }

  /** Stacking target: a pathway of N-of-M component credentials. */
  public static final class Pathway {
    public String ctid;
    public Map<String, String> name = new LinkedHashMap<>();
    public int requiredNumber;
    public List<Ref> components = new ArrayList<>();
  }

  public String ctdlClass = "ceterms:MicroCredential";
  public String ctid;
  public String id;
  public Map<String, String> name = new LinkedHashMap<>();
  public Map<String, String> description = new LinkedHashMap<>();
  public String subjectWebpage;
  public List<String> inLanguage = new ArrayList<>();
  public String status = "Active";
  public Org owner;
  public List<Org> offeredBy = new ArrayList<>();
  public List<Qa> qa = new ArrayList<>();
  public List<Credit> credits = new ArrayList<>();
  public Double workloadHours;
  public String exactDuration;
  public String minDuration;
  public String maxDuration;
  public List<Level> levels = new ArrayList<>();
  public List<String> audienceLevels = new ArrayList<>();
  public List<String> learningDelivery = new ArrayList<>();
  public List<String> assessmentDelivery = new ArrayList<>();
  public Assessment assessment;
  public List<String> prerequisites = new ArrayList<>();
  public List<Ref> prerequisiteCredentials = new ArrayList<>();
  public List<Competency> competencies = new ArrayList<>();
  public List<String> keywords = new ArrayList<>();
  public List<Ref> isPartOf = new ArrayList<>();
  public List<Ref> hasPart = new ArrayList<>();
  public Pathway pathway;
  public String dateEffective;
  public String expirationDate;
  public String image;
  public String credentialId;
  public String renewalFrequency;
  public String lang = "en";
  /** The certified learning statement (description of the learning-outcomes condition). */
  public String certifiedLearning;
  /** Entry to degree programmes. */
  public DegreeRoute entryToDegree;
  /** Credit towards degree programmes. */
  public DegreeRoute creditForDegree;
  /** The issuer's country or subdivision (ISO 3166), as the main jurisdiction. */
  public String jurisdiction;
  /** The JSON path of the primary node in the record read (for warnings). */
  public String nodePath = "$";

  /**
   * The JSON path of a property of the primary node.
   *
   * @param term the property CURIE
   * @return the path
   */
  public String path(String term) {
    return nodePath + "['" + term + "']";
  }
}
