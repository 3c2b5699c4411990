package io.github.microcred.core;

/**
 * A stable, machine-readable code: what kind of problem an {@link Issue} reports, or what kind of failure a
 * {@link MicrocredException} carries. Every module has its own enums implementing this interface (as titanium's
 * {@code JsonLdErrorCode} names each JSON-LD error), so that a caller can switch over one module's codes while
 * tools that handle every module (the CLI, the server, logs) read {@link #name()} and {@link #module()} alone.
 *
 * <p>Codes of the microcred modules: core {@code CoreIssueCode} (validation) and {@code CoreErrorCode}
 * (failures); vc {@code VcErrorCode}; ctdl {@code CtdlProblemCode} (with its categories) and {@code
 * CtdlErrorCode}; stacking {@code StackingErrorCode}; elm {@code ElmErrorCode}; server {@code ServerErrorCode}.
 */
public interface Code {
  /**
   * The code's name, unique within its module, in upper snake case, e.g. {@code MISSING_TITLE}. Enums implement
   * it with their constant name; it never changes once released.
   *
   * @return the name
   */
  String name();

  /**
   * The module that defines the code, e.g. {@code core}, {@code vc}, {@code ctdl}, {@code stacking}; with
   * {@link #name()} it identifies the code across modules.
   *
   * @return the module name, lowercase
   */
  String module();
}
