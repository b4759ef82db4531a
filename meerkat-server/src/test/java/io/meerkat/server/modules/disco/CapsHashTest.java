package io.meerkat.server.modules.disco;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.server.modules.forms.DataForm.Field;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The verification strings and hashes of XEP-0115 §5.2 and §5.3. */
class CapsHashTest {

  private static final List<String> FEATURES =
      List.of(
          "http://jabber.org/protocol/muc",
          "http://jabber.org/protocol/disco#info",
          "http://jabber.org/protocol/caps",
          "http://jabber.org/protocol/disco#items");

  @Test
  void theSimpleExampleOfTheSpecificationHashesToItsPublishedVer() {
    DiscoInfo info = DiscoInfo.of(DiscoInfo.Identity.of("client", "pc", "Exodus 0.9.1"), FEATURES);
    assertThat(CapsHash.verificationString(info))
        .isEqualTo(
            "client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<"
                + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
                + "http://jabber.org/protocol/muc<");
    assertThat(CapsHash.ver(info)).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
  }

  @Test
  void theComplexExampleWithLanguagesAndAnExtendedFormHashesToItsPublishedVer() {
    DataForm software =
        new DataForm(
            "result",
            null,
            null,
            List.of(
                Field.hidden("FORM_TYPE", "urn:xmpp:dataforms:softwareinfo"),
                Field.result("os", null, null, List.of("Mac")),
                Field.result("ip_version", null, null, List.of("ipv6", "ipv4")),
                Field.result("software", null, null, List.of("Psi")),
                Field.result("os_version", null, null, List.of("10.5.1")),
                Field.result("software_version", null, null, List.of("0.11"))));
    DiscoInfo info =
        new DiscoInfo(
            List.of(
                new DiscoInfo.Identity("client", "pc", "el", "Ψ 0.11"),
                new DiscoInfo.Identity("client", "pc", "en", "Psi 0.11")),
            new TreeSet<>(FEATURES),
            List.of(software));
    assertThat(CapsHash.ver(info)).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");
  }
}
