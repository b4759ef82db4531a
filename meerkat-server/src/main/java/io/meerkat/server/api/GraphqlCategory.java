package io.meerkat.server.api;

import graphql.schema.idl.RuntimeWiring;
import java.util.List;

/**
 * One category of commands ({@code account}, {@code session}, {@code roster}, ...): its schema
 * fragments and their data fetchers. A feature adds its commands by implementing this once and
 * listing the class in {@link ApiCatalog}.
 *
 * <p>A fragment is a {@code .graphqls} resource that declares the category's types and extends the
 * root types, e.g. {@code extend type AdminQuery { roster: RosterAdminQuery }}. Fields backed by a
 * feature module carry {@code @use(modules: ["mod_roster"])}, so they answer a clear error when the
 * module is not enabled. Data fetchers may block (they run on virtual threads) and report failures
 * the caller can act on with {@link ApiException}.
 */
public interface GraphqlCategory {

  /** Classpath resources with this category's schema for {@code endpoint}; empty if none. */
  List<String> schemaFiles(Endpoint endpoint);

  /** Registers the data fetchers of the fields its fragments declare for {@code endpoint}. */
  void wire(Endpoint endpoint, RuntimeWiring.Builder wiring);

  /** The value of a category field: its sub-fields all have their own data fetchers. */
  Object CATEGORY = new Object();
}
