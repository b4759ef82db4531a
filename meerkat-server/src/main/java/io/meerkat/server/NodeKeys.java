package io.meerkat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secrets a node generates on first start and keeps under {@code <data_dir>/keys}. */
final class NodeKeys {
  private NodeKeys() {}

  /** The key for SCRAM fake salts (unknown users look like known ones across restarts). */
  static byte[] fakeSaltKey(Path dataDir) {
    Path file = dataDir.resolve("keys").resolve("scram-fake-salt.key");
    try {
      if (Files.exists(file)) {
        byte[] key = Files.readAllBytes(file);
        if (key.length == 32) {
          return key;
        }
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, key);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
