package io.meerkat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.http.HttpHandlerSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static final Path FILE = Path.of("etc/test.toml");
  private static final ConfigSpec REGISTER_SPEC =
      ConfigSpec.builder().integer("password_strength", 0, 0, 512, "bits").build();

  private final Map<String, String> env = Map.of("DB_PASS", "s3cret");
  private final ConfigLoader loader =
      new ConfigLoader(
          Map.of("mod_register", REGISTER_SPEC),
          HttpHandlerSpecs.all(),
          env::get,
          Path.of("/opt/meerkat"));

  private MeerkatConfig parse(String toml) throws ConfigException {
    return loader.parse(FILE, toml);
  }

  private List<String> errorsOf(String toml) {
    try {
      parse(toml);
    } catch (ConfigException e) {
      return e.errors();
    }
    throw new AssertionError("expected a configuration error");
  }

  @Test
  void theShippedDefaultConfigurationLoads() throws Exception {
    MeerkatConfig config =
        new ConfigLoader(
                io.meerkat.server.module.ModuleCatalog.standard().specs(),
                HttpHandlerSpecs.all(),
                env::get,
                Path.of("/opt/meerkat"))
            .load(Path.of("../etc/meerkat.toml"));
    assertThat(config.general().hosts()).containsExactly("localhost");
    assertThat(config.general().dataDir()).isEqualTo(Path.of("/opt/meerkat/var"));
    assertThat(config.c2sListeners())
        .extracting(C2sListenerConfig::port)
        .containsExactly(5222, 5223);
    C2sListenerConfig starttls = config.c2sListeners().get(0);
    assertThat(starttls.tls().mode()).isEqualTo(TlsConfig.TlsMode.STARTTLS_REQUIRED);
    assertThat(starttls.maxStanzaSize()).isEqualTo(65536);
    assertThat(starttls.stateTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.c2sListeners().get(1).tls().mode()).isEqualTo(TlsConfig.TlsMode.TLS);
    assertThat(config.auth().password().hashes())
        .containsExactlyInAnyOrder(ScramHash.SHA1, ScramHash.SHA256, ScramHash.SHA512);
    assertThat(config.defaultPool().driver()).isEqualTo(RdbmsPoolConfig.Driver.H2);
    assertThat(config.cets()).isEmpty();
  }

  @Test
  void anEmptyFileGivesEmbeddedDefaults() throws Exception {
    MeerkatConfig config = parse("");
    assertThat(config.general().hosts()).containsExactly("localhost");
    assertThat(config.general().loglevel()).isEqualTo("warning");
    assertThat(config.auth().password().scramIterations()).isEqualTo(10_000);
    assertThat(config.auth().password().format()).isEqualTo(AuthConfig.PasswordFormat.SCRAM);
    assertThat(config.auth().password().hashes()).hasSize(5);
    assertThat(config.defaultPool().driver()).isEqualTo(RdbmsPoolConfig.Driver.H2);
    assertThat(config.access().rules()).containsKeys("c2s", "max_user_offline_messages");
  }

  @Test
  void anUnknownSectionIsNamedWithItsLine() {
    assertThat(errorsOf("[general]\nhosts = [\"a.example\"]\n\n[bogus]\nx = 1\n"))
        .singleElement()
        .asString()
        .startsWith("etc/test.toml:4:")
        .contains("bogus: unknown option");
  }

  @Test
  void anUnknownOptionSuggestsTheKnownSpelling() {
    assertThat(errorsOf("[[listen.c2s]]\nport = 5222\nmaxstanzasize = 10\n"))
        .singleElement()
        .asString()
        .contains("etc/test.toml:3:")
        .contains("listen.c2s[0].maxstanzasize: unknown option (did you mean max_stanza_size?)");
  }

  @Test
  void wrongTypesAndBadValuesNameTheOptionAndTheValue() {
    List<String> errors =
        errorsOf(
            "[general]\nloglevel = \"chatty\"\n[[listen.c2s]]\nport = \"x\"\n"
                + "max_stanza_size = 10\ntls.mode = \"maybe\"\n");
    assertThat(errors)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("general.loglevel: expected one of")
                    .contains("got \"chatty\""))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("listen.c2s[0].port: expected an integer from 0 to 65535, got \"x\""))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("listen.c2s[0].max_stanza_size: expected an integer >= 1024"))
        .anySatisfy(e -> assertThat(e).contains("listen.c2s[0].tls.mode: expected one of"))
        .hasSize(4);
  }

  @Test
  void aMissingMandatoryOptionIsReported() {
    assertThat(errorsOf("[[listen.c2s]]\nbacklog = 10\n"))
        .singleElement()
        .asString()
        .contains("listen.c2s[0].port: is required");
  }

  @Test
  void secretsComeFromTheEnvironment() throws Exception {
    MeerkatConfig config =
        parse(
            "[outgoing_pools.rdbms.default.connection]\ndriver = \"pgsql\"\n"
                + "password = {env = \"DB_PASS\"}\n");
    assertThat(config.defaultPool().password()).contains("s3cret");
    assertThat(config.defaultPool().driver()).isEqualTo(RdbmsPoolConfig.Driver.PGSQL);
  }

  @Test
  void aMissingSecretVariableIsAnError() {
    assertThat(errorsOf("[outgoing_pools.rdbms.default.connection]\npassword = {env = \"NOPE\"}\n"))
        .singleElement()
        .asString()
        .contains("outgoing_pools.rdbms.default.connection.password")
        .contains("environment variable NOPE is not set");
  }

  @Test
  void mnesiaIsRejectedWithTheCetsConfigurationToUse() {
    assertThat(errorsOf("[internal_databases.mnesia]\n"))
        .singleElement()
        .asString()
        .contains("internal_databases.mnesia")
        .contains("Meerkat replaces Mnesia with CETS")
        .contains("[internal_databases.cets]");
  }

  @Test
  void cetsFileBackendNeedsANodeListAndASecret() {
    assertThat(errorsOf("[internal_databases.cets]\nbackend = \"file\"\n"))
        .anySatisfy(e -> assertThat(e).contains("node_list_file: is required"))
        .anySatisfy(e -> assertThat(e).contains("secret: is required"));
  }

  @Test
  void cetsSectionIsParsedWithDefaults() throws Exception {
    MeerkatConfig config =
        parse(
            "[internal_databases.cets]\nbackend = \"file\"\nnode_list_file = \"etc/nodes.txt\"\n"
                + "secret = \"s\"\n");
    CetsConfig cets = config.cets().orElseThrow();
    assertThat(cets.clusterName()).isEqualTo("meerkat");
    assertThat(cets.nodeListFile()).contains(Path.of("/opt/meerkat/etc/nodes.txt"));
    assertThat(cets.listen().getPort()).isEqualTo(9100);
    assertThat(cets.nodeExpiry()).isEqualTo(Duration.ofHours(1));
  }

  private static GeneralConfig generalWith(Map<String, String> environment, String toml)
      throws ConfigException {
    return new ConfigLoader(Map.of(), HttpHandlerSpecs.all(), environment::get, Path.of("/opt"))
        .parse(FILE, toml)
        .general();
  }

  @Test
  void theNodeNameComesFromMeerkatNodeNameSoOneFileServesEveryPod() throws Exception {
    Map<String, String> pod = Map.of("MEERKAT_NODE_NAME", "meerkat-2", "HOSTNAME", "meerkat-2.x");
    assertThat(generalWith(pod, "").nodeName()).isEqualTo("meerkat-2");
    assertThat(generalWith(pod, "[general]\nnode_name = \"n1\"\n").nodeName()).isEqualTo("n1");
    assertThat(generalWith(Map.of("HOSTNAME", "box"), "").nodeName()).isEqualTo("meerkat@box");
    assertThat(generalWith(Map.of("MEERKAT_NODE_NAME", " "), "").nodeName())
        .isEqualTo("meerkat@localhost");
  }

  @Test
  void unsupportedSectionsSaySo() {
    assertThat(errorsOf("[[host_config]]\nhost = \"x\"\n"))
        .singleElement()
        .asString()
        .contains("host_config: per-host configuration overrides are not supported yet");
  }

  @Test
  void modulesAreValidatedByTheirOwnSpec() throws Exception {
    assertThat(errorsOf("[modules.mod_nonexistent]\n"))
        .singleElement()
        .asString()
        .contains("modules.mod_nonexistent: unknown module; known: mod_register");
    assertThat(errorsOf("[modules.mod_register]\npassword_strength = -1\n"))
        .singleElement()
        .asString()
        .contains("modules.mod_register.password_strength");
    MeerkatConfig config = parse("[modules.mod_register]\n");
    assertThat(config.modules().get("mod_register").get("password_strength", Long.class)).isZero();
  }

  @Test
  void accessRulesMustReferToDefinedAclsAndShapers() {
    List<String> errors =
        errorsOf(
            "[access]\nc2s_shaper = [{acl = \"admins\", value = \"fast\"}]\n"
                + "[[listen.c2s]]\nport = 5222\naccess = \"nobody\"\n");
    assertThat(errors)
        .anySatisfy(
            e -> assertThat(e).contains("access.c2s_shaper[0].acl: no acl named \"admins\""))
        .anySatisfy(e -> assertThat(e).contains("access.c2s_shaper[0].value"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .startsWith("etc/test.toml:5:")
                    .contains("listen.c2s[0].access: no access rule named \"nobody\""));
  }

  @Test
  void aclsAccessAndShapersAreParsed() throws Exception {
    MeerkatConfig config =
        parse(
            "[shaper.normal]\nmax_rate = 1000\n[acl]\nadmin = [{user = \"alice\", server ="
                + " \"localhost\"}]\n[access]\nmax_user_offline_messages = [{acl = \"admin\","
                + " value = 5000}, {acl = \"all\", value = 50}]\n");
    assertThat(config.shapers().get("normal").maxRate()).isEqualTo(1000);
    assertThat(config.acl().classes().get("admin").get(0).user()).isEqualTo("alice");
    assertThat(config.access().rules().get("max_user_offline_messages"))
        .extracting(AccessConfig.AccessRule::value)
        .containsExactly(5000L, 50L);
  }

  @Test
  void tomlSyntaxErrorsCarryTheirPosition() {
    assertThat(errorsOf("[general\nhosts = 1\n"))
        .singleElement()
        .asString()
        .startsWith("etc/test.toml:1:");
  }

  @Test
  void hostsAreNormalisedAndTheDefaultDomainMustBeOneOfThem() throws Exception {
    assertThat(parse("[general]\nhosts = [\"Example.COM\"]\n").general().hosts())
        .containsExactly("example.com");
    assertThat(
            errorsOf("[general]\nhosts = [\"a.example\"]\ndefault_server_domain = \"b.example\"\n"))
        .singleElement()
        .asString()
        .contains("general.default_server_domain: must be one of the hosts");
    assertThat(errorsOf("[general]\nhosts = []\n"))
        .singleElement()
        .asString()
        .contains("must not be empty");
    assertThat(Set.of(errorsOf("[general]\nhosts = [\"not a domain\"]\n").get(0)))
        .singleElement()
        .asString()
        .contains("is not a valid domain");
  }
}
