package io.meerkat.server.acl;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

  private static AccessRules rules(String toml) throws Exception {
    MeerkatConfig config =
        new ConfigLoader(Map.of(), Map.of(), k -> null, Path.of("."))
            .parse(
                Path.of("t.toml"), "[general]\nhosts = [\"localhost\", \"example.com\"]\n" + toml);
    return new AccessRules(config.acl(), config.access(), config.general().hosts());
  }

  @Test
  void defaultRulesAllowLoginAndLimitOfflineMessages() throws Exception {
    AccessRules rules = rules("");
    Jid alice = Jid.parse("alice@localhost");
    assertThat(rules.allows("c2s", alice)).isTrue();
    assertThat(rules.number("max_user_offline_messages", alice, 0)).isEqualTo(100);
    assertThat(rules.allows("local", alice)).isTrue();
    assertThat(rules.allows("local", Jid.parse("mallory@elsewhere.net"))).isFalse();
    assertThat(rules.allows("no_such_rule", alice)).isFalse();
  }

  @Test
  void theFirstMatchingEntryDecides() throws Exception {
    AccessRules rules =
        rules(
            "[acl]\nadmin = [{user = \"alice\", server = \"localhost\"}]\n"
                + "blocked = [{user_glob = \"spam*\"}]\n"
                + "[access]\nmax_user_offline_messages = [{acl = \"admin\", value = 5000},"
                + " {acl = \"all\", value = 100}]\n"
                + "c2s = [{acl = \"blocked\", value = \"deny\"}, {acl = \"all\", value = \"allow\"}]\n");
    assertThat(rules.number("max_user_offline_messages", Jid.parse("alice@localhost"), 0))
        .isEqualTo(5000);
    assertThat(rules.number("max_user_offline_messages", Jid.parse("bob@localhost"), 0))
        .isEqualTo(100);
    assertThat(rules.allows("c2s", Jid.parse("spammer1@localhost"))).isFalse();
    assertThat(rules.allows("c2s", Jid.parse("bob@localhost"))).isTrue();
  }

  @Test
  void regexpServerAndMatchAllSpecsWork() throws Exception {
    AccessRules rules =
        rules(
            "[acl]\nexample = [{server_regexp = \".*\\\\.com\"}]\nanyone = [{match = \"all\"}]\n"
                + "nobody = [{match = \"none\"}]\n");
    assertThat(rules.inClass("example", Jid.parse("x@example.com"))).isTrue();
    assertThat(rules.inClass("example", Jid.parse("x@localhost"))).isFalse();
    assertThat(rules.inClass("anyone", Jid.parse("x@remote.org"))).isTrue();
    assertThat(rules.inClass("nobody", Jid.parse("x@localhost"))).isFalse();
    assertThat(rules.inClass("undefined", Jid.parse("x@localhost"))).isFalse();
  }
}
