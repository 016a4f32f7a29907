package io.tributary.http.auth;

import io.tributary.core.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification keys for JWTs, as vertx-auth-jwt options: PEM public keys or certificates (RSA: RS256/384/512;
 * EC: the ES algorithm of its curve), and the public keys of a JWKS document. Only public keys are accepted, so
 * this server can check tokens but never issue them, and no shared (HMAC) secret exists that could leak.
 */
public final class JwtKeys {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN (PUBLIC KEY|CERTIFICATE)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private JwtKeys() {}

  /** Options for the keys in {@code pemFiles} and {@code jwksFile} (either may be empty / null). */
  public static JWTAuthOptions load(List<Path> pemFiles, Path jwksFile, String issuer, String audience,
      int leewaySeconds) {
    // vertx-auth-jwt leaves both lists null until something is added; empty lists let either source stand alone.
    JWTAuthOptions options = new JWTAuthOptions().setPubSecKeys(new ArrayList<>()).setJwks(new ArrayList<>());
    for (Path file : pemFiles) {
      for (PublicKey key : publicKeys(file)) {
        for (String alg : algorithms(key, file)) {
          options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(alg).setBuffer(pem(key)));
        }
      }
    }
    if (jwksFile != null) {
      jwks(jwksFile).forEach(options::addJwk);
    }
    if (options.getPubSecKeys().isEmpty() && options.getJwks().isEmpty()) {
      throw new ConfigException(pemFiles.isEmpty() ? "auth.jwt.jwks.file" : "auth.jwt.public.keys",
          "no public key found in the configured files");
    }
    JWTOptions checks = new JWTOptions().setLeeway(leewaySeconds);
    if (!issuer.isBlank()) {
      checks.setIssuer(issuer);
    }
    if (!audience.isBlank()) {
      checks.addAudience(audience);
    }
    return options.setJWTOptions(checks);
  }

  private static List<PublicKey> publicKeys(Path file) {
    String text = read(file, "auth.jwt.public.keys");
    List<PublicKey> keys = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      try {
        keys.add(m.group(1).equals("CERTIFICATE")
            ? CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey()
            : parsePublicKey(der));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new ConfigException("auth.jwt.public.keys", file + " holds a key that cannot be read");
      }
    }
    if (keys.isEmpty()) {
      throw new ConfigException("auth.jwt.public.keys", file + " holds no PEM public key or certificate");
    }
    return keys;
  }

  private static PublicKey parsePublicKey(byte[] der) throws GeneralSecurityException {
    for (String type : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisType) {
        // try the next type
      }
    }
    throw new GeneralSecurityException("neither RSA nor EC");
  }

  private static List<String> algorithms(PublicKey key, Path file) {
    if (key instanceof RSAPublicKey) {
      return List.of("RS256", "RS384", "RS512");
    }
    if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return switch (bits) {
        case 256 -> List.of("ES256");
        case 384 -> List.of("ES384");
        case 521 -> List.of("ES512");
        default -> throw new ConfigException("auth.jwt.public.keys", file + " holds an EC key on an unsupported curve");
      };
    }
    throw new ConfigException("auth.jwt.public.keys", file + " holds a key that is neither RSA nor EC");
  }

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  /** The public keys of a JWKS document; a missing {@code alg} is filled in from the key type and curve. */
  private static List<JsonObject> jwks(Path file) {
    JsonArray keys;
    try {
      keys = new JsonObject(read(file, "auth.jwt.jwks.file")).getJsonArray("keys");
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException("auth.jwt.jwks.file", file + " is not a JWKS document");
    }
    if (keys == null) {
      throw new ConfigException("auth.jwt.jwks.file", file + " has no \"keys\" array");
    }
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      JsonObject jwk = keys.getJsonObject(i).copy();
      String kty = jwk.getString("kty", "");
      if (jwk.containsKey("d") || "oct".equals(kty)) {
        throw new ConfigException("auth.jwt.jwks.file", "keys[" + i + "] is not a public key");
      }
      if (!jwk.containsKey("alg")) {
        jwk.put("alg", switch (kty) {
          case "RSA" -> "RS256";
          case "EC" -> switch (jwk.getString("crv", "")) {
            case "P-384" -> "ES384";
            case "P-521" -> "ES512";
            default -> "ES256";
          };
          default -> throw new ConfigException("auth.jwt.jwks.file", "keys[" + i + "] has an unsupported kty");
        });
      }
      out.add(jwk);
    }
    return out;
  }

  private static String read(Path file, String key) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }
}
