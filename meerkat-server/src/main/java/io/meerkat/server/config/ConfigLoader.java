package io.meerkat.server.config;

import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.config.spec.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Reads {@code meerkat.toml}: TOML syntax first, then every option against its spec (core sections
 * here, modules and HTTP handlers from their registries), then cross-option checks. All problems
 * are reported together in one {@link ConfigException}.
 */
public final class ConfigLoader {

  private final Map<String, ConfigSpec> moduleSpecs;
  private final Map<String, ConfigSpec> httpHandlerSpecs;
  private final Function<String, String> environment;
  private final Path installDir;

  /**
   * @param moduleSpecs known modules by name ({@code mod_register} ...) with their option specs
   * @param httpHandlerSpecs known HTTP handler types with their option specs
   * @param environment environment variable lookup (secrets, {@code MEERKAT_NODE_IP})
   * @param installDir relative paths in the file ({@code data_dir}, {@code node_list_file}) are
   *     resolved against it
   */
  public ConfigLoader(
      Map<String, ConfigSpec> moduleSpecs,
      Map<String, ConfigSpec> httpHandlerSpecs,
      Function<String, String> environment,
      Path installDir) {
    this.moduleSpecs = Map.copyOf(moduleSpecs);
    this.httpHandlerSpecs = Map.copyOf(httpHandlerSpecs);
    this.environment = environment;
    this.installDir = installDir.toAbsolutePath().normalize();
  }

  /** Loads and validates a file. */
  public MeerkatConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(List.of(file + ": cannot read the configuration file: " + e));
    }
    return parse(file, text);
  }

  /** Validates configuration text as if read from {@code file}. */
  public MeerkatConfig parse(Path file, String text) throws ConfigException {
    String label = file.toString();
    TomlParseResult toml = Toml.parse(text);
    if (toml.hasErrors()) {
      List<String> errors = toml.errors().stream().map(e -> syntaxError(label, e)).toList();
      throw new ConfigException(errors);
    }
    SpecValidator validator = new SpecValidator(label, environment);
    ConfigValues root =
        validator.validate(toml, CoreConfigSpec.root(moduleSpecs, httpHandlerSpecs), "", null);
    if (!validator.errors().isEmpty()) {
      throw new ConfigException(validator.errors());
    }
    ConfigMapper mapper = new ConfigMapper(label, toml, validator, environment, installDir);
    MeerkatConfig config = mapper.map(file, root);
    if (!validator.errors().isEmpty()) {
      throw new ConfigException(validator.errors());
    }
    return config;
  }

  private static String syntaxError(String file, TomlParseError e) {
    return file + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage();
  }
}
