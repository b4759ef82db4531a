package io.meerkat.server.config.spec;

/**
 * One option of a {@link ConfigSpec}.
 *
 * @param name the TOML key (snake_case, as in MongooseIM where the feature exists)
 * @param type how its value is validated
 * @param defaultValue the validated Java value used when the key is absent; {@code null} with
 *     {@code required = false} means "absent" (read it with {@code find})
 * @param required whether the key must be present
 * @param description one sentence for the generated docs
 */
public record Option(
    String name, OptionType type, Object defaultValue, boolean required, String description) {}
