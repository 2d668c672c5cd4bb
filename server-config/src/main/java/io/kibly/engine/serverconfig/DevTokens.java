package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A local token issuer for development and tests: an RSA key pair kept in a directory (created on first use) and
 * the minting of MicroProfile JWT bearer tokens signed with it. The engine trusts the public key and the issuer
 * {@value #ISSUER} only because the launcher configures it so; production configures a real issuer instead.
 */
public final class DevTokens {

    public static final String ISSUER = "https://kibly.local/dev-issuer";
    public static final String TENANT_CLAIM = "tenant";

    private final Path directory;

    public DevTokens(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path publicKeyFile() {
        return directory.resolve("public.pem");
    }

    private Path privateKeyFile() {
        return directory.resolve("private.pem");
    }

    /** Creates the key pair unless it exists. */
    public DevTokens ensureKeys() {
        if (Files.exists(privateKeyFile()) && Files.exists(publicKeyFile())) {
            return this;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Files.writeString(privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateKeyFile(), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new LauncherException("Cannot create the development signing key in " + directory, e);
        }
        return this;
    }

    /** A signed token for a user of a tenant with the given groups (roles), valid for {@code lifetime}. */
    public String mint(String tenant, String user, List<String> groups, Duration lifetime) {
        return mint(ISSUER, tenant, user, groups, Instant.now().plus(lifetime));
    }

    /** As {@link #mint(String, String, List, Duration)}, with every claim chosen (for tests of rejection). */
    public String mint(String issuer, String tenant, String user, List<String> groups, Instant expiresAt) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\","
                + (tenant == null ? "" : "\"" + TENANT_CLAIM + "\":\"" + tenant + "\",")
                + "\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "],"
                + "\"iat\":" + now + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        return sign(payload);
    }

    /** A token of exactly these claims (a JSON object), signed with the development key: for tests of refusal. */
    public String sign(String payload) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String unsigned = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new LauncherException("Cannot sign a development token", e);
        }
    }

    private PrivateKey privateKey() throws GeneralSecurityException {
        try {
            String pem = Files.readString(privateKeyFile());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new LauncherException("Cannot read the development signing key " + privateKeyFile(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
