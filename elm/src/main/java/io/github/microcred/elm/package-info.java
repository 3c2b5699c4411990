/**
 * European Learning Model (ELM 3) and Europass Digital Credentials (EDC): a core micro-credential and its award as an
 * EDC {@code EuropeanDigitalCredential} (W3C VC 1.1 JSON-LD with the {@code edc-ap} context) and back, with every EU
 * Annex I element, controlled vocabularies from EU Vocabularies, and an Annex I completeness check of ELM documents.
 * The front door is {@link io.github.microcred.elm.Elm}.
 */
package io.github.microcred.elm;
