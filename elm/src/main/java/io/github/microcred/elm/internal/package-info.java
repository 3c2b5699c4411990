/** Internals of the elm module: the EDC writer and reader, vocabularies, ids. Not a public API. */
package io.github.microcred.elm.internal;
