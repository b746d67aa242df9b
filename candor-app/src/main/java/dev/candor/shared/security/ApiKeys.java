package dev.candor.shared.security;

import dev.candor.shared.Sha256;
import dev.candor.shared.SqlTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Principals and their API keys. A token is {@code cnd_<keyId>_<secret>}; only the SHA-256 of the secret
 * is stored (the secret is 256 random bits, so a slow password hash adds nothing), and it is compared in
 * constant time.
 */
@Component
public class ApiKeys {

    private static final String PREFIX = "cnd_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A newly created principal with its first token; the token is shown once and never stored. */
    public record Issued(Actor actor, String keyId, String token) {
    }

    /** Creates a principal and issues its first key. */
    @Transactional
    public Issued createPrincipal(ActorKind kind, String displayName, Set<String> storeIds, String buyerId, String createdBy) {
        return issue(insertPrincipal(kind, displayName, storeIds, buyerId, createdBy), randomKeyId(), randomSecret());
    }

    /** Creates a principal whose key id and secret the caller chooses: for the documented demo principals only. */
    @Transactional
    public Issued createPrincipalWithKey(ActorKind kind, String displayName, Set<String> storeIds, String buyerId,
                                         String createdBy, String keyId, String secret) {
        return issue(insertPrincipal(kind, displayName, storeIds, buyerId, createdBy), keyId, secret);
    }

    private Actor insertPrincipal(ActorKind kind, String displayName, Set<String> storeIds, String buyerId, String createdBy) {
        if (kind == ActorKind.SYSTEM) {
            throw new IllegalArgumentException("SYSTEM is not a principal");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into principals (id, kind, display_name, buyer_id, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, kind.name(), displayName, buyerId, SqlTime.of(clock.instant()), createdBy)
                .update();
        for (String store : storeIds) {
            jdbc.sql("insert into principal_stores (principal_id, store_id) values (?, ?)").params(id, store).update();
        }
        return new Actor(id.toString(), kind, displayName, storeIds, buyerId);
    }

    private Issued issue(Actor actor, String keyId, String secret) {
        if (keyId.contains("_") || keyId.isBlank()) {
            throw new IllegalArgumentException("key id must be non-blank and contain no '_'");
        }
        jdbc.sql("insert into api_keys (id, principal_id, secret_sha256, created_at) values (?, ?, ?, ?)")
                .params(keyId, UUID.fromString(actor.id()), Sha256.digest(secret), SqlTime.of(clock.instant()))
                .update();
        return new Issued(actor, keyId, PREFIX + keyId + "_" + secret);
    }

    /** The actor a token belongs to, if the token is well-formed, known, not revoked and its secret matches. */
    public Optional<Actor> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int split = token.indexOf('_', PREFIX.length());
        if (split < 0) {
            return Optional.empty();
        }
        String keyId = token.substring(PREFIX.length(), split);
        byte[] presented = Sha256.digest(token.substring(split + 1));
        record Row(UUID principalId, byte[] secretHash, String kind, String displayName, String buyerId, String[] stores) {
        }
        Optional<Row> row = jdbc.sql("""
                        select p.id, k.secret_sha256, p.kind, p.display_name, p.buyer_id,
                               array(select s.store_id from principal_stores s where s.principal_id = p.id) as stores
                          from api_keys k join principals p on p.id = k.principal_id
                         where k.id = ? and k.revoked_at is null""")
                .param(keyId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (String[]) rs.getArray(6).getArray()))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().secretHash(), presented)) {
            return Optional.empty();
        }
        Row r = row.get();
        return Optional.of(new Actor(r.principalId().toString(), ActorKind.valueOf(r.kind()), r.displayName(),
                Set.of(r.stores()), r.buyerId()));
    }

    /** Revokes a key at once; later requests with it are unauthenticated. */
    @Transactional
    public boolean revoke(String keyId) {
        return jdbc.sql("update api_keys set revoked_at = ? where id = ? and revoked_at is null")
                .params(SqlTime.of(clock.instant()), keyId).update() == 1;
    }

    private static String randomKeyId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace('_', 'x').replace('-', 'y');
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
