package io.meerkat.server.sasl;

import io.meerkat.server.auth.PasswordPreparation;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xmpp.InvalidJidException;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.SaslFailure;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL password}. The authcid is the username (a bare
 * JID of the stream's domain is accepted too); an authzid, if given, must name the same user. Only
 * offered over TLS.
 */
final class PlainMechanism implements SaslMechanism {

  private final SaslContext context;

  PlainMechanism(SaslContext context) {
    this.context = context;
  }

  @Override
  public SaslStep start(byte[] initialResponse) {
    if (initialResponse.length == 0) {
      return new SaslStep.Challenge(new byte[0]);
    }
    return step(initialResponse);
  }

  @Override
  public SaslStep step(byte[] response) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(response))
              .toString();
    } catch (CharacterCodingException e) {
      return SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "Not UTF-8");
    }
    String[] parts = text.split("\u0000", -1);
    if (parts.length != 3 || parts[1].isEmpty()) {
      return SaslStep.failure(
          SaslFailure.MALFORMED_REQUEST, "Expected authzid NUL authcid NUL password");
    }
    Jid user;
    try {
      user =
          parts[1].contains("@")
              ? Jid.parse(parts[1]).toBare()
              : Jid.bare(parts[1], context.domain());
    } catch (InvalidJidException e) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    }
    if (!user.domain().equals(context.domain()) || !user.hasLocalpart()) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    }
    if (!parts[0].isEmpty()) {
      Jid authz = Jid.parseOrNull(parts[0]);
      if (authz == null || !authz.toBare().equals(user)) {
        return SaslStep.failure(SaslFailure.INVALID_AUTHZID, null);
      }
    }
    try {
      PasswordPreparation.forQuery(parts[2]);
      return context.users().checkPassword(user, parts[2])
          ? new SaslStep.Success(user, null)
          : SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    } catch (IllegalArgumentException e) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    } catch (DatabaseException e) {
      return SaslStep.failure(SaslFailure.TEMPORARY_AUTH_FAILURE, "Account store unavailable");
    }
  }
}
