package io.meerkat.server.modules.adhoc;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xmpp.StanzaError;

/** What a command stage produced: a form to fill in, a completed result, or an error. */
public sealed interface CommandStep {

  /** The command needs this form submitted (status {@code executing}). */
  record Form(DataForm form) implements CommandStep {}

  /**
   * The command is done (status {@code completed}).
   *
   * @param note an informational note for the user, {@code null} for none
   * @param result a result form, {@code null} for none
   */
  record Completed(String note, DataForm result) implements CommandStep {}

  /** The command failed; the IQ is answered with this error. */
  record Failed(StanzaError error) implements CommandStep {}
}
