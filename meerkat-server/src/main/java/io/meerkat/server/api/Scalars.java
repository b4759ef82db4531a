package io.meerkat.server.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.meerkat.xmpp.InvalidJidException;
import io.meerkat.xmpp.Jid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The custom scalars of both schemas. Each is a string on the wire and a typed value inside: a
 * malformed argument fails validation with a message naming the problem, before any data fetcher
 * runs.
 */
final class Scalars {

  private Scalars() {}

  static List<GraphQLScalarType> all() {
    return List.of(
        scalar("JID", "A bare or full JID, e.g. alice@localhost", Scalars::jid, Object::toString),
        scalar("DomainName", "An XMPP domain, e.g. localhost", Scalars::domain, Object::toString),
        scalar(
            "UserName", "The local part of a JID, e.g. alice", Scalars::userName, String::valueOf),
        scalar("ResourceName", "A JID resource", Scalars::nonEmpty, String::valueOf),
        scalar(
            "NonEmptyString",
            "A string with at least one character",
            Scalars::nonEmpty,
            String::valueOf),
        scalar(
            "DateTime",
            "An ISO-8601 instant, e.g. 2026-01-31T12:00:00Z",
            Scalars::instant,
            String::valueOf),
        scalar("Stanza", "An XML stanza as text", StanzaText::parse, Object::toString));
  }

  private static Object jid(String text) {
    try {
      return Jid.parse(text);
    } catch (InvalidJidException e) {
      throw new IllegalArgumentException("Invalid JID: " + text);
    }
  }

  private static Object domain(String text) {
    try {
      Jid jid = Jid.parse(text);
      if (!jid.localpart().isEmpty() || jid.hasResource()) {
        throw new IllegalArgumentException("Invalid domain name: " + text);
      }
      return jid.domain();
    } catch (InvalidJidException e) {
      throw new IllegalArgumentException("Invalid domain name: " + text);
    }
  }

  private static Object userName(String text) {
    try {
      return Jid.bare(text, "localhost").localpart();
    } catch (InvalidJidException e) {
      throw new IllegalArgumentException("Invalid user name: " + text);
    }
  }

  private static Object nonEmpty(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Given string is empty");
    }
    return text;
  }

  private static Object instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid date and time: " + text);
    }
  }

  private static GraphQLScalarType scalar(
      String name,
      String description,
      Function<String, Object> parse,
      Function<Object, String> serialize) {
    return GraphQLScalarType.newScalar()
        .name(name)
        .description(description)
        .coercing(new StringCoercing(name, parse, serialize))
        .build();
  }

  /** A scalar written as a string: parse errors become validation errors with the reason. */
  private record StringCoercing(
      String name, Function<String, Object> parse, Function<Object, String> serialize)
      implements Coercing<Object, String> {

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
      try {
        return serialize.apply(value);
      } catch (RuntimeException e) {
        throw new CoercingSerializeException("Cannot serialize " + name + ": " + e.getMessage());
      }
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      if (!(input instanceof String text)) {
        throw new CoercingParseValueException("Expected a string for " + name + ", got " + input);
      }
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new CoercingParseValueException(e.getMessage());
      }
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (!(input instanceof StringValue text)) {
        throw new CoercingParseLiteralException("Expected a string for " + name);
      }
      try {
        return parse.apply(text.getValue());
      } catch (IllegalArgumentException e) {
        throw new CoercingParseLiteralException(e.getMessage());
      }
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
      return StringValue.of(serialize.apply(input));
    }
  }
}
