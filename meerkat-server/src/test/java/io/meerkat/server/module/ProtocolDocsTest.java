package io.meerkat.server.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/protocols.md} equal to what the core and the modules declare. Regenerate it
 * with {@code ./mvnw test -pl meerkat-server -Dtest=ProtocolDocsTest -Dmeerkat.updateDocs=true}.
 */
class ProtocolDocsTest {

  private static final Path DOC = Path.of("..", "docs", "protocols.md");

  @Test
  void theListOfSupportedStandardsIsUpToDate() throws Exception {
    String generated = ProtocolDocs.render(ModuleCatalog.standard().infos());
    if (Boolean.getBoolean("meerkat.updateDocs")) {
      Files.writeString(DOC, generated);
    }
    assertThat(DOC).exists();
    assertThat(Files.readString(DOC))
        .as("docs/protocols.md is stale; regenerate it (see this test's Javadoc)")
        .isEqualTo(generated);
  }

  @Test
  void everyModuleStandardIsListedWithItsModule() {
    String page = ProtocolDocs.render(ModuleCatalog.standard().infos());
    for (ModuleInfo m : ModuleCatalog.standard().infos()) {
      for (Protocol p : m.protocols()) {
        assertThat(page).contains("[" + p.id() + "]").contains("`" + m.name() + "`");
      }
    }
  }

  @Test
  void aStandardDeclaredTwiceIsOneRowNamingBothProviders() {
    ModuleInfo a =
        new ModuleInfo(
            "mod_a",
            "",
            List.of(
                Protocol.rfc(6121, "XMPP: Instant Messaging and Presence").withNotes("rosters")),
            List.of(),
            io.meerkat.server.config.spec.ConfigSpec.EMPTY);
    String page = ProtocolDocs.render(List.of(a));
    assertThat(page.lines().filter(l -> l.startsWith("| [RFC 6121]"))).hasSize(1);
    assertThat(page)
        .contains("core, `mod_a`")
        .contains("core: message and presence delivery rules (§8); `mod_a`: rosters");
    assertThat(page.lastIndexOf("| [RFC ")).isLessThan(page.indexOf("| [XEP-"));
  }
}
