package io.meerkat.server.e2e;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * Smack's SASL framework driving the independent ongres SCRAM client, because Smack's own SCRAM
 * implementation only knows SHA-1. The client side of the exchange is therefore not Meerkat code.
 */
public final class OngresScramMechanism extends SASLMechanism {

  private final String name;
  private ScramClient client;
  private int step;

  public OngresScramMechanism(String name) {
    this.name = name;
  }

  @Override
  protected void authenticateInternal(CallbackHandler cbh) {
    throw new UnsupportedOperationException("callback authentication is not used in tests");
  }

  @Override
  protected byte[] getAuthenticationText() {
    client =
        ScramClient.builder()
            .advertisedMechanisms(List.of(name))
            .username(authenticationId)
            .password(password.toCharArray())
            .stringPreparation(StringPreparation.SASL_PREPARATION)
            .build();
    return client.clientFirstMessage().toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
    try {
      String text = new String(challenge, StandardCharsets.UTF_8);
      if (step++ == 0) {
        client.serverFirstMessage(text);
        return client.clientFinalMessage().toString().getBytes(StandardCharsets.UTF_8);
      }
      client.serverFinalMessage(text);
      return null;
    } catch (Exception e) {
      throw new SmackSaslException(e);
    }
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public int getPriority() {
    return 50;
  }

  @Override
  protected void checkIfSuccessfulOrThrow() throws SmackSaslException {
    if (step < 2) {
      throw new SmackSaslException("the server signature was not verified");
    }
  }

  @Override
  protected SASLMechanism newInstance() {
    return new OngresScramMechanism(name);
  }
}
