package io.meerkat.server.config;

/** {@code [shaper.<name>]}: a token bucket of {@code max_rate} bytes per second. */
public record ShaperConfig(String name, long maxRate) {}
