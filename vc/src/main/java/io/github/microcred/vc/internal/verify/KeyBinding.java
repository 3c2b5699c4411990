package io.github.microcred.vc.internal.verify;

import io.github.microcred.vc.ControllerDocument;
import io.github.microcred.vc.VcException;
import io.github.microcred.vc.VerificationCode;
import io.github.microcred.vc.VerificationMethod;
import io.github.microcred.vc.VerifyOptions;

/**
 * Binds a proof's key to the party that signs: the verification method resolves (a supplied controller document,
 * else DID resolution), is listed by its controller document, is authorised there for the proof purpose, its
 * controller is that document, and that document is the issuer (or holder). Shared by the Data Integrity and JWT
 * verifiers; the party id must come from signed data.
 */
public final class KeyBinding {
  private KeyBinding() {}

  /**
   * The outcome: the method (when it resolved) and the first problem, or null when bound.
   *
   * @param method the verification method, or null when it did not resolve
   * @param controller its controller document, or null
   * @param code why the key is not bound ({@link VerificationCode#NONE} when bound)
   * @param problem why the key is not bound, or null
   */
  public record Binding(VerificationMethod method, ControllerDocument controller, VerificationCode code,
      String problem) {
    /**
     * Whether the key is bound to the party.
     *
     * @return true if no problem
     */
    public boolean bound() {
      return problem == null;
    }
  }

  /**
   * The controller id of a verification method id (the id without its fragment).
   *
   * @param vmId the method id
   * @return the controller id
   */
  public static String controllerId(String vmId) {
    int hash = vmId.indexOf('#');
    return hash < 0 ? vmId : vmId.substring(0, hash);
  }

  /**
   * Binds a verification method to a party for a purpose.
   *
   * @param options the options (controller documents, resolver)
   * @param vmId the verification method id
   * @param purpose the verification relationship ({@code assertionMethod}, {@code authentication})
   * @param party the issuer (or holder) id read from the signed data; null when unreadable
   * @param who "issuer" or "holder", for messages
   * @return the binding
   */
  public static Binding bind(VerifyOptions options, String vmId, String purpose, String party, String who) {
    Binding b = controlled(options, vmId, purpose);
    if (!b.bound()) {
      return b;
    }
    if (party == null) {
      return new Binding(b.method(), b.controller(), VerificationCode.CONTROLLER_MISMATCH,
          "the signed data names no " + who);
    }
    if (!b.controller().id().equals(party)) {
      return new Binding(b.method(), b.controller(), VerificationCode.CONTROLLER_MISMATCH,
          who + " " + party + " is not the controller "
          + b.controller().id() + " of the verification method");
    }
    return b;
  }

  /**
   * Binds a verification method to its controller for a purpose, without a party to compare with (a presentation
   * that names no holder): resolves, is listed by its controller document, is authorised there for the purpose, and
   * its controller is that document. The bound party is then {@link Binding#controller()}'s id.
   *
   * @param options the options (controller documents, resolver)
   * @param vmId the verification method id
   * @param purpose the verification relationship
   * @return the binding
   */
  public static Binding controlled(VerifyOptions options, String vmId, String purpose) {
    ControllerDocument cd;
    VerificationMethod vm;
    try {
      cd = options.controllerDocument(controllerId(vmId));
      vm = cd.method(vmId).orElse(null);
    } catch (VcException | RuntimeException e) {
      return new Binding(null, null, VerificationCode.KEY_UNRESOLVED, e.getMessage());
    }
    if (vm == null) {
      return new Binding(null, cd, VerificationCode.KEY_UNRESOLVED,
          "verification method " + vmId + " is not in the controller document " + cd.id());
    }
    if (!cd.authorizes(vmId, purpose)) {
      return new Binding(vm, cd, VerificationCode.KEY_NOT_AUTHORIZED,
          "verification method " + vmId + " is not authorised for " + purpose + " by "
          + cd.id());
    }
    if (!cd.id().equals(vm.controller())) {
      return new Binding(vm, cd, VerificationCode.CONTROLLER_MISMATCH,
          "verification method controller " + vm.controller() + " is not the document "
          + cd.id());
    }
    return new Binding(vm, cd, VerificationCode.NONE, null);
  }
}
