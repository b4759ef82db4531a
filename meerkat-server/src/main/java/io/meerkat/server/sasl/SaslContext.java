package io.meerkat.server.sasl;

import io.meerkat.server.auth.UserStore;

/**
 * What a mechanism needs to know about the connection it authenticates.
 *
 * @param domain the stream's domain; users authenticate as {@code username@domain}
 * @param users the account store
 * @param channelBinding the TLS channel-binding data ({@link ChannelBinding#NONE} without TLS)
 * @param plusOffered whether {@code -PLUS} mechanisms were offered on this connection (then a
 *     client claiming {@code y}, "server does not support binding", is being downgraded)
 * @param fakeSaltKey secret for deterministic fake salts for unknown users, so SCRAM does not
 *     reveal which accounts exist
 */
public record SaslContext(
    String domain,
    UserStore users,
    ChannelBinding channelBinding,
    boolean plusOffered,
    byte[] fakeSaltKey,
    int scramIterations) {}
