package io.meerkat.server.api.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code password_file}: the admin password kept in a file next to the data. A missing file gets a
 * new random password, created readable by the owner only, so a fresh install is never open with a
 * default password and {@code meerkatctl} (same user, same install) can read it.
 */
final class AdminPasswordFile {

  private static final Logger LOG = LoggerFactory.getLogger(AdminPasswordFile.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private AdminPasswordFile() {}

  /** The password in {@code file} (first line, trimmed), creating the file when missing. */
  static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String password =
          Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      if (password.isBlank()) {
        throw new IllegalStateException("the admin password file " + file + " is empty");
      }
      return password.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin password file " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first: use theirs
    }
    Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    LOG.info("Generated the admin API password in {}", file);
  }
}
