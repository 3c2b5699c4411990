/** Internals of the ctdl module: schema and policy tables, graph walker, mappers. Not a public API. */
package io.github.microcred.ctdl.internal;
