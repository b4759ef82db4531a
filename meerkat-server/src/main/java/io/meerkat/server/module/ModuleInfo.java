package io.meerkat.server.module;

import io.meerkat.server.config.spec.ConfigSpec;
import java.util.List;

/**
 * What a feature module declares about itself in code: the name operators use in {@code
 * [modules.<name>]}, the standards it implements, the features it adds to service discovery, and
 * its options. Docs and disco results are generated from this.
 */
public record ModuleInfo(
    String name,
    String description,
    List<Protocol> protocols,
    List<String> discoFeatures,
    ConfigSpec configSpec) {}
