package io.tributary.http.auth;

import io.tributary.core.auth.Principal;
import io.tributary.core.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Client-certificate subjects and what each may do, from the {@code certificates} array of the
 * {@code auth.api.keys.file} document: {@code {"subject":"CN=app1,O=Example","principal":"app1","permissions":[…]}}.
 * Subjects are compared as distinguished names (canonical form: attribute order as written, case and spacing of
 * values ignored), not as strings.
 */
public final class CertificateSubjects {
  private final Map<X500Principal, Principal> bySubject;

  private CertificateSubjects(Map<X500Principal, Principal> bySubject) {
    this.bySubject = Map.copyOf(bySubject);
  }

  public static CertificateSubjects none() {
    return new CertificateSubjects(Map.of());
  }

  public static CertificateSubjects parse(JsonObject doc) {
    JsonArray entries = AccessDocument.array(doc, "certificates");
    Map<X500Principal, Principal> bySubject = new HashMap<>();
    for (int i = 0; entries != null && i < entries.size(); i++) {
      JsonObject entry = entries.getJsonObject(i);
      String where = "certificates[" + i + "]";
      X500Principal subject;
      try {
        subject = new X500Principal(entry.getString("subject", ""));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(AccessDocument.KEY, where + ".subject is not a distinguished name like CN=app1,O=Example");
      }
      if (subject.getName().isEmpty()) {
        throw new ConfigException(AccessDocument.KEY, where + " has no subject");
      }
      String name = entry.getString("principal", subject.getName());
      try {
        if (bySubject.put(subject, Principal.restricted(name, Grants.parse(entry.getValue("permissions")))) != null) {
          throw new ConfigException(AccessDocument.KEY, where + " repeats the subject " + subject.getName());
        }
      } catch (IllegalArgumentException e) {
        throw new ConfigException(AccessDocument.KEY, where + " has an invalid permission: " + e.getMessage());
      }
    }
    return new CertificateSubjects(bySubject);
  }

  /** The principal mapped to the certificate's subject, if any. */
  public Optional<Principal> lookup(X509Certificate certificate) {
    return Optional.ofNullable(bySubject.get(certificate.getSubjectX500Principal()));
  }

  public int size() {
    return bySubject.size();
  }
}
