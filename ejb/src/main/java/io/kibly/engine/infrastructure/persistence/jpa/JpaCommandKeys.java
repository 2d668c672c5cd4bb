package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.CommandKeys;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.application.UnknownCommandKeyException;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Command keys in {@code engine.command_key} (migration V11): 32 random bytes, shown once as {@code kck_…}; only
 * their SHA-256 digest is stored, so a leaked table reveals no key. A presented key is resolved to its tenant by
 * the one cross-tenant function {@code engine.tenant_of_command_key}.
 */
@Stateless
@TenantScoped
public class JpaCommandKeys implements CommandKeys {

    static final String PREFIX = "kck_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "kibly")
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    @Override
    public Issued issue(TenantId tenantId, String user, String label) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CommandKey key = new CommandKey(UUID.randomUUID(), label, user, clock.instant(), null);
        em.createNativeQuery("insert into engine.command_key (id, tenant_id, key_digest, label, created_by, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, key.id()).setParameter(2, tenantId.id()).setParameter(3, digest(secret))
                .setParameter(4, label).setParameter(5, user).setParameter(6, Timestamp.from(key.createdAt()))
                .executeUpdate();
        audit.record(tenantId, "command-key.issued", "command-key", key.id().toString(),
                FieldChanges.none().field("label", null, label).secret("key"));
        return new Issued(key, secret);
    }

    @Override
    public List<CommandKey> list(TenantId tenantId) {
        List<?> rows = em.createNativeQuery("select id, label, created_by, created_at, revoked_at"
                + " from engine.command_key where tenant_id = ?1 order by created_at, id")
                .setParameter(1, tenantId.id()).getResultList();
        return rows.stream().map(row -> key((Object[]) row)).toList();
    }

    @Override
    public CommandKey revoke(TenantId tenantId, String user, UUID keyId) {
        em.createNativeQuery("update engine.command_key set revoked_at = ?1"
                        + " where tenant_id = ?2 and id = ?3 and revoked_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, tenantId.id()).setParameter(3, keyId)
                .executeUpdate();
        CommandKey key = list(tenantId).stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new UnknownCommandKeyException(keyId));
        audit.record(tenantId, "command-key.revoked", "command-key", keyId.toString(), FieldChanges.none()
                .field("revokedAt", null, key.revokedAt()));
        return key;
    }

    @Override
    public Optional<TenantId> tenantOf(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(PREFIX) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        List<?> tenant = em.createNativeQuery("select engine.tenant_of_command_key(?1)")
                .setParameter(1, digest(presentedKey)).getResultList();
        return tenant.isEmpty() || tenant.get(0) == null ? Optional.empty()
                : Optional.of(new TenantId(tenant.get(0).toString()));
    }

    private static CommandKey key(Object[] row) {
        return new CommandKey((UUID) row[0], (String) row[1], (String) row[2], SqlValues.instant(row[3]), SqlValues.instant(row[4]));
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
