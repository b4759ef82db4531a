package io.meerkat.server.auth;

/**
 * What the server keeps of a password for one SCRAM hash (RFC 5802 §3): never the password itself.
 * Arrays are owned by the record; callers must not modify them.
 */
public record ScramCredential(
    ScramHash hash, byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {}
