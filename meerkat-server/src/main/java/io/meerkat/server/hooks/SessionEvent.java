package io.meerkat.server.hooks;

import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xmpp.StreamError;

/** A session was opened or closed; {@code reason} is the stream error it closed with, if any. */
public record SessionEvent(SessionEntry session, StreamError reason) {}
