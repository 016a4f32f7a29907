package io.tributary.testkit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** RS256 JWTs signed inside the tests, including the malformed and hostile ones a server must refuse. */
public final class TestJwts {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private TestJwts() {}

  public static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims for {@code sub} valid for ten minutes, with the permissions claim {@code tributary}. */
  public static JsonObject claims(String sub, String topicPattern, String... operations) {
    long now = Instant.now().getEpochSecond();
    JsonObject permission = new JsonObject().put("topics", new JsonArray().add(topicPattern))
        .put("operations", new JsonArray(List.of((Object[]) operations)));
    return new JsonObject().put("sub", sub).put("iat", now).put("exp", now + 600)
        .put("tributary", new JsonArray().add(permission));
  }

  public static String rs256(KeyPair keys, JsonObject claims) {
    String signingInput = part(new JsonObject().put("alg", "RS256").put("typ", "JWT")) + "." + part(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keys.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(signature.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}, empty signature), as an attacker would send it. */
  public static String unsigned(JsonObject claims) {
    return part(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + part(claims) + ".";
  }

  /** The public key as a JWKS document. */
  public static JsonObject jwks(KeyPair keys) {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return new JsonObject().put("keys", new JsonArray().add(new JsonObject()
        .put("kty", "RSA").put("use", "sig")
        .put("n", B64URL.encodeToString(unsigned(key.getModulus().toByteArray())))
        .put("e", B64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray())))));
  }

  /** PEM of the public key, as auth.jwt.public.keys reads it. */
  public static String publicPem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String part(JsonObject json) {
    return B64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement.length > 1 && twosComplement[0] == 0
        ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
  }
}
