package io.github.microcred.elm;

import io.github.microcred.core.Award;
import io.github.microcred.core.Issue;
import io.github.microcred.core.MicroCredential;
import io.github.microcred.elm.internal.DisplayImage;
import io.github.microcred.elm.internal.ElmWriter;
import io.github.microcred.elm.internal.Vocabulary;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A configured, immutable EDC exporter. Obtain one with {@link Elm#exporter()}.
 *
 * <pre>{@code
 * ElmCredential c = Elm.exporter().withLanguage("de").withDisplayImage(png).export(award);
 * }</pre>
 */
public final class ElmExporter {
  /** The exporter's configuration. */
  private record Options(String language, byte[] displayImage, String issuerLegalIdentifier) {}

  private final Options options;

  ElmExporter() {
    this(new Options(null, null, null));
  }

  private ElmExporter(Options options) {
    this.options = options;
  }

  /**
   * Writes every text in this language (EDC language maps). By default: the primary language of the
   * micro-credential's first language of instruction (e.g. {@code en} for {@code en-NZ}), else {@code en}.
   *
   * @param bcp47 a BCP 47 tag with an ISO 639-2 code, e.g. {@code ga}
   * @return a new exporter
   * @throws ElmException {@link ElmErrorCode#INVALID_ARGUMENT} for a malformed tag or one without a three-letter
   *     code
   */
  public ElmExporter withLanguage(String bcp47) throws ElmException {
    Objects.requireNonNull(bcp47, "bcp47");
    try {
      new Locale.Builder().setLanguageTag(bcp47);
    } catch (IllformedLocaleException e) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "language '" + bcp47 + "' is not a BCP 47 tag");
    }
    if (Vocabulary.languageIri(bcp47).isEmpty()) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "language '" + bcp47 + "' has no ISO 639-2 code for "
          + "the EU language table");
    }
    return new ElmExporter(new Options(bcp47.toLowerCase(Locale.ROOT), options.displayImage, options.issuerLegalIdentifier));
  }

  /**
   * Uses this image as the credential's display (EDC shows it as the diploma page). By default a plain placeholder
   * page is written, since EDC requires one.
   *
   * @param pngOrJpeg the image bytes, PNG or JPEG
   * @return a new exporter
   * @throws ElmException {@link ElmErrorCode#INVALID_ARGUMENT} when the bytes are neither PNG nor JPEG
   */
  public ElmExporter withDisplayImage(byte[] pngOrJpeg) throws ElmException {
    Objects.requireNonNull(pngOrJpeg, "pngOrJpeg");
    if (!DisplayImage.isPng(pngOrJpeg) && !DisplayImage.isJpeg(pngOrJpeg)) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "the display image must be a PNG or a JPEG");
    }
    return new ElmExporter(new Options(options.language, pngOrJpeg.clone(), options.issuerLegalIdentifier));
  }

  /**
   * Writes the issuer's eIDAS legal identifier ({@code eIDASIdentifier}, a {@code LegalIdentifier} in the issuer's
   * country), which EDC's shapes require of every issuer: the identifier of the organisation in its seal certificate
   * (e.g. {@code VATIE-1234567X}). The core model has no such field, so nothing is written without it (the export
   * warns).
   *
   * @param notation the identifier
   * @return a new exporter
   * @throws ElmException {@link ElmErrorCode#INVALID_ARGUMENT} when blank
   */
  public ElmExporter withIssuerLegalIdentifier(String notation) throws ElmException {
    Objects.requireNonNull(notation, "notation");
    if (notation.isBlank()) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "the issuer's legal identifier must not be blank");
    }
    return new ElmExporter(new Options(options.language, options.displayImage, notation.strip()));
  }

  /**
   * Exports an award of a micro-credential as an unsigned EDC {@code EuropeanDigitalCredential}.
   *
   * @param award the award (its micro-credential is the claim's specification)
   * @return the credential and the export warnings
   * @throws ElmException {@link ElmErrorCode#UNSUPPORTED} when EDC cannot express it (no awarding body, or an
   *     organisation without a country while the micro-credential has no issuer country), naming the field
   */
  public ElmCredential export(Award award) throws ElmException {
    Objects.requireNonNull(award, "award");
    MicroCredential mc = award.microCredential();
    String lang = options.language != null ? options.language
        : mc.languages().stream().filter(l -> Vocabulary.languageIri(l).isPresent()).findFirst()
            .map(l -> Locale.forLanguageTag(l).getLanguage()).orElse("en");
    ElmWriter.Result r;
    try {
      r = ElmWriter.write(mc, award, lang, options.displayImage, options.issuerLegalIdentifier);
    } catch (IllegalArgumentException e) {
      throw new ElmException(ElmErrorCode.UNSUPPORTED, e.getMessage(), e);
    }
    List<Issue> w = new ArrayList<>();
    for (ElmWriter.Warning x : r.warnings()) {
      w.add(Issue.warning(x.path(), x.code(), x.message()));
    }
    return new ElmCredential(r.document(), w);
  }

  /**
   * Exports an award as {@link #export(Award)}, checking that it awards this micro-credential.
   *
   * @param microCredential the micro-credential
   * @param award its award
   * @return the credential and the export warnings
   * @throws ElmException {@link ElmErrorCode#INVALID_ARGUMENT} when the award is of another micro-credential;
   *     otherwise as {@link #export(Award)}
   */
  public ElmCredential export(MicroCredential microCredential, Award award) throws ElmException {
    Objects.requireNonNull(microCredential, "microCredential");
    Objects.requireNonNull(award, "award");
    if (!award.microCredential().equals(microCredential)) {
      throw new ElmException(ElmErrorCode.INVALID_ARGUMENT, "award: it awards '" + award.microCredential().title()
          + "', not '" + microCredential.title() + "'");
    }
    return export(award);
  }
}
