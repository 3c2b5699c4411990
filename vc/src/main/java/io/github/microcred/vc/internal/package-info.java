/** Internals of the vc module: not API, may change without notice. */
package io.github.microcred.vc.internal;
