package io.meerkat.server.modules.disco;

import io.meerkat.server.modules.forms.DataForm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/** The XEP-0115 §5.1 verification string of a disco#info result, hashed with SHA-1. */
public final class CapsHash {

  private CapsHash() {}

  /** The {@code ver} attribute for {@code info}: base64 of SHA-1 over the §5.1 string. */
  public static String ver(DiscoInfo info) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest(verificationString(info).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  /** The string S of XEP-0115 §5.1 (identities, features, then forms, each sorted). */
  static String verificationString(DiscoInfo info) {
    StringBuilder s = new StringBuilder();
    List<DiscoInfo.Identity> identities = new ArrayList<>(info.identities());
    identities.sort(
        Comparator.comparing(DiscoInfo.Identity::category)
            .thenComparing(DiscoInfo.Identity::type)
            .thenComparing(i -> nonNull(i.lang()))
            .thenComparing(i -> nonNull(i.name())));
    for (DiscoInfo.Identity i : identities) {
      s.append(i.category())
          .append('/')
          .append(i.type())
          .append('/')
          .append(nonNull(i.lang()))
          .append('/')
          .append(nonNull(i.name()))
          .append('<');
    }
    info.features().forEach(f -> s.append(f).append('<'));
    List<DataForm> forms = new ArrayList<>(info.forms());
    forms.sort(Comparator.comparing(f -> f.formType().orElse("")));
    for (DataForm form : forms) {
      s.append(form.formType().orElse("")).append('<');
      List<DataForm.Field> fields =
          new ArrayList<>(
              form.fields().stream().filter(f -> !DataForm.FORM_TYPE.equals(f.var())).toList());
      fields.sort(Comparator.comparing(f -> nonNull(f.var())));
      for (DataForm.Field field : fields) {
        s.append(nonNull(field.var())).append('<');
        field.values().stream().sorted().forEach(v -> s.append(v).append('<'));
      }
    }
    return s.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
