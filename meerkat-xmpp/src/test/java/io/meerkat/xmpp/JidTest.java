package io.meerkat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {

  @Test
  void fullJidIsSplitIntoItsThreeParts() {
    Jid jid = Jid.parse("Alice@Example.COM/Phone");
    assertThat(jid.localpart()).isEqualTo("alice");
    assertThat(jid.domain()).isEqualTo("example.com");
    assertThat(jid.resource()).isEqualTo("Phone");
    assertThat(jid).hasToString("alice@example.com/Phone");
  }

  @Test
  void resourceKeepsSlashesAfterTheFirstOne() {
    assertThat(Jid.parse("a@b/c/d@e").resource()).isEqualTo("c/d@e");
  }

  @Test
  void trailingDotOfTheDomainIsRemoved() {
    assertThat(Jid.parse("example.com.")).isEqualTo(Jid.ofDomain("example.com"));
  }

  @Test
  void nonAsciiLocalpartIsCaseMappedByPrecis() {
    assertThat(Jid.parse("ÇÉSAR@example.com").localpart()).isEqualTo("çésar");
  }

  @Test
  void equalJidsAreEqualAfterNormalisation() {
    assertThat(Jid.parse("JULIET@capulet.lit/balcony"))
        .isEqualTo(Jid.parse("juliet@CAPULET.lit/balcony"))
        .hasSameHashCodeAs(Jid.parse("juliet@capulet.lit/balcony"));
    assertThat(Jid.parse("juliet@capulet.lit/Balcony"))
        .isNotEqualTo(Jid.parse("juliet@capulet.lit/balcony"));
  }

  @Test
  void bareAndDomainViewsDropParts() {
    Jid jid = Jid.parse("romeo@montague.lit/orchard");
    assertThat(jid.toBare()).hasToString("romeo@montague.lit");
    assertThat(jid.toBare().isBare()).isTrue();
    assertThat(Jid.parse("montague.lit").isDomain()).isTrue();
    assertThat(jid.toBare().withResource("garden")).hasToString("romeo@montague.lit/garden");
  }

  @Test
  void ipLiteralsAreAcceptedAsDomains() {
    assertThat(Jid.parse("a@127.0.0.1").domain()).isEqualTo("127.0.0.1");
    assertThat(Jid.parse("a@[::1]").domain()).isEqualTo("[::1]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "@example.com",
        "user@",
        "example.com/",
        "us er@example.com",
        "us\"er@example.com",
        "a@b@c",
        "a@exa mple.com",
        "a@[zz]",
        "a@exam..ple.com"
      })
  void invalidJidsAreRejected(String text) {
    assertThatThrownBy(() -> Jid.parse(text)).isInstanceOf(InvalidJidException.class);
    assertThat(Jid.parseOrNull(text)).isNull();
  }

  @Test
  void partsLongerThan1023BytesAreRejected() {
    String longLocal = "a".repeat(1024);
    assertThatThrownBy(() -> Jid.parse(longLocal + "@example.com"))
        .isInstanceOf(InvalidJidException.class)
        .hasMessageContaining("1023");
    assertThat(Jid.parse("a".repeat(1023) + "@example.com").localpart()).hasSize(1023);
  }

  @Test
  void ordersOneUsersResourcesTogether() {
    assertThat(Jid.parse("b@x/1")).isLessThan(Jid.parse("b@x/2"));
    assertThat(Jid.parse("b@x/9")).isLessThan(Jid.parse("c@x/1"));
  }
}
