package io.github.microcred.core;

/**
 * "If assessed, equivalent level (main task)" of Oliver's critical information summary (Oliver, B. (2019).
 * <i>Making micro-credentials work for learners, employers and providers</i>. Deakin University, p. 25),
 * with the degree-level alignment to EQF and ISCED 2011 used by {@link Level#equivalentLevel()}:
 *
 * <table>
 *   <caption>Mapping table</caption>
 *   <tr><th>equivalent level</th><th>EQF</th><th>ISCED 2011</th></tr>
 *   <tr><td>{@link #NOT_AT_DEGREE_LEVEL}</td><td>1–4</td><td>0–4</td></tr>
 *   <tr><td>{@link #SUB_DEGREE}</td><td>5</td><td>5</td></tr>
 *   <tr><td>{@link #BACHELOR}</td><td>6</td><td>6</td></tr>
 *   <tr><td>{@link #MASTER}</td><td>7</td><td>7</td></tr>
 *   <tr><td>{@link #DOCTORATE}</td><td>8</td><td>8</td></tr>
 * </table>
 *
 * The EQF ↔ ISCED correspondence for levels 5–8 follows the EQF Recommendation (2017/C 189/03, Annex II
 * descriptors and the QF-EHEA cycles: short cycle = EQF 5, first cycle = 6, second = 7, third = 8) and
 * ISCED 2011 levels 5 (short-cycle tertiary), 6 (bachelor's or equivalent), 7 (master's), 8 (doctoral).
 */
public enum EquivalentLevel {
  /** Not at degree level (EQF 1–4, ISCED 0–4). */
  NOT_AT_DEGREE_LEVEL(4, 4),
  /** Short-cycle tertiary, below a bachelor's degree: associate degree, diploma (EQF 5, ISCED 5). */
  SUB_DEGREE(5, 5),
  /** Bachelor's degree level (EQF 6, ISCED 6). */
  BACHELOR(6, 6),
  /** Master's degree level (EQF 7, ISCED 7). */
  MASTER(7, 7),
  /** Doctoral level (EQF 8, ISCED 8). */
  DOCTORATE(8, 8);

  private final int eqf;
  private final int isced;

  EquivalentLevel(int eqf, int isced) {
    this.eqf = eqf;
    this.isced = isced;
  }

  /**
   * The highest EQF level of this band.
   *
   * @return the EQF level
   */
  public Level eqf() {
    return Level.eqf(eqf);
  }

  /**
   * The highest ISCED 2011 level of this band.
   *
   * @return the ISCED level
   */
  public Level isced() {
    return Level.isced(isced);
  }

  static EquivalentLevel fromEqf(int level) {
    return level <= 4 ? NOT_AT_DEGREE_LEVEL : values()[level - 4];
  }

  static EquivalentLevel fromIsced(int level) {
    return level <= 4 ? NOT_AT_DEGREE_LEVEL : values()[level - 4];
  }
}
