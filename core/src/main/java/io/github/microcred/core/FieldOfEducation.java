package io.github.microcred.core;

import java.util.Objects;
import java.util.Set;

/**
 * A field of education and training of the ISCED-F 2013 classification (UNESCO Institute for Statistics, "ISCED
 * Fields of Education and Training 2013"): a broad field of two digits ({@code 06}, information and communication
 * technologies), a narrow field of three ({@code 061}) or a detailed field of four ({@code 0613}, software and
 * applications development and analysis). ELM writes it as {@code thematicArea}, a concept of the EU Vocabularies
 * ISCED-F scheme ({@code http://data.europa.eu/snb/isced-f/0613}).
 *
 * @param code the ISCED-F 2013 code of a field of the classification ({@code 99}, {@code 999}, {@code 9999}: field
 *     unknown)
 */
public record FieldOfEducation(String code) {
  /**
   * Every ISCED-F 2013 code, broad, narrow and detailed (220): the fields of the classification as the EU Vocabularies
   * ISCED-F scheme ({@code http://data.europa.eu/snb/isced-f/25831c2}) enumerates them in
   * european-commission-empl/European-Learning-Model {@code Credentials/XSD/imported/edci_esco_iscedf2013.xsd} (commit
   * 0fa6403, EUPL 1.2).
   */
  private static final Set<String> CODES = Set.of((
      "00 000 0000 001 0011 002 0021 003 0031 009 0099 01 011 0110 0111 0112 0113 0114 0119 018 0188 02 020 "
      + "0200 021 0210 0211 0212 0213 0214 0215 0219 022 0220 0221 0222 0223 0228 0229 023 0230 0231 0232 "
      + "0239 028 0288 029 0299 03 030 0300 031 0310 0311 0312 0313 0314 0319 032 0320 0321 0322 0329 038 "
      + "0388 039 0399 04 040 0400 041 0410 0411 0412 0413 0414 0415 0416 0417 0419 042 0421 048 0488 049 "
      + "0499 05 050 0500 051 0510 0511 0512 0519 052 0520 0521 0522 0529 053 0530 0531 0532 0533 0539 054 "
      + "0540 0541 0542 058 0588 059 0599 06 061 0610 0611 0612 0613 0619 068 0688 07 070 0700 071 0710 0711 "
      + "0712 0713 0714 0715 0716 0719 072 0720 0721 0722 0723 0724 0729 073 0730 0731 0732 078 0788 079 0799 "
      + "08 080 0800 081 0810 0811 0812 0819 082 0821 083 0831 084 0841 088 0888 089 0899 09 090 0900 091 "
      + "0910 0911 0912 0913 0914 0915 0916 0917 0919 092 0920 0921 0922 0923 0929 098 0988 099 0999 10 100 "
      + "1000 101 1010 1011 1012 1013 1014 1015 1019 102 1020 1021 1022 1029 103 1030 1031 1032 1039 104 1041 "
      + "108 1088 109 1099 99 999 9999").split(" "));

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when the code is not an ISCED-F 2013 code (the message quotes it)
   * @throws NullPointerException when the code is null
   */
  public FieldOfEducation {
    Objects.requireNonNull(code, "code");
    if (!CODES.contains(code)) {
      String shown = code.length() <= 40 ? code : code.substring(0, 37) + "...";
      throw new IllegalArgumentException("expected an ISCED-F 2013 field code (a broad field of 2 digits, a narrow one "
          + "of 3 or a detailed one of 4, e.g. 0613), got '" + shown + "', which is not in the classification");
    }
  }

  /**
   * A field of education.
   *
   * @param code the ISCED-F 2013 code
   * @return the field
   * @throws IllegalArgumentException when the code is not an ISCED-F 2013 code
   */
  public static FieldOfEducation isced(String code) {
    return new FieldOfEducation(code);
  }

  /**
   * The broad field this field belongs to (itself when it is a broad field).
   *
   * @return the two-digit broad field
   */
  public FieldOfEducation broad() {
    return code.length() == 2 ? this : new FieldOfEducation(code.substring(0, 2));
  }

  @Override
  public String toString() {
    return "ISCED-F " + code;
  }
}
