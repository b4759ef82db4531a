package io.meerkat.server.sasl;

import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.config.AuthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which mechanisms a connection is offered, strongest first, and their creation. SCRAM variants
 * exist for the stored hashes (all of them for plain storage); {@code -PLUS} variants only with
 * channel binding available; PLAIN only over TLS. {@code auth.sasl_mechanisms}, when set, narrows
 * and orders the list.
 */
public final class SaslMechanisms {

  private static final ScramHash[] STRONGEST_FIRST = {
    ScramHash.SHA512, ScramHash.SHA384, ScramHash.SHA256, ScramHash.SHA224, ScramHash.SHA1
  };

  private final AuthConfig auth;

  public SaslMechanisms(AuthConfig auth) {
    this.auth = auth;
  }

  /** The mechanism names to advertise. */
  public List<String> offered(boolean tlsActive, ChannelBinding binding) {
    Set<ScramHash> hashes =
        auth.password().format() == AuthConfig.PasswordFormat.PLAIN
            ? Set.of(ScramHash.values())
            : auth.password().hashes();
    List<String> all = new ArrayList<>();
    for (ScramHash hash : STRONGEST_FIRST) {
      if (hashes.contains(hash)) {
        if (!binding.types().isEmpty()) {
          all.add(hash.mechanism() + "-PLUS");
        }
        all.add(hash.mechanism());
      }
    }
    if (tlsActive) {
      all.add("PLAIN");
    }
    if (auth.saslMechanisms().isEmpty()) {
      return all;
    }
    List<String> narrowed = new ArrayList<>();
    for (String wanted : auth.saslMechanisms()) {
      if (all.contains(wanted)) {
        narrowed.add(wanted);
      }
    }
    return narrowed;
  }

  /** A mechanism instance for one attempt, if {@code name} is one this server implements. */
  public Optional<SaslMechanism> create(String name, SaslContext context) {
    if (name.equals("PLAIN")) {
      return Optional.of(new PlainMechanism(context));
    }
    boolean plus = name.endsWith("-PLUS");
    String base = plus ? name.substring(0, name.length() - "-PLUS".length()) : name;
    for (ScramHash hash : ScramHash.values()) {
      if (hash.mechanism().equals(base)) {
        return Optional.of(new ScramMechanism(hash, plus, context));
      }
    }
    return Optional.empty();
  }
}
