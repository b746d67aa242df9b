package dev.candor.risk.infrastructure;

import dev.candor.risk.model.RiskPolicy;
import dev.candor.shared.SqlTime;
import dev.candor.shared.TransactionMemo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Risk policy versions in PostgreSQL. A published version never changes, so published versions are cached
 * by number; which version is live is read from the database each time (another node may have published).
 */
@Repository
public class RiskPolicies {

    /** A version; {@code publishedAt} null while it is a candidate. */
    public record Version(int version, RiskPolicy policy, String note, Instant createdAt, String createdBy, Instant publishedAt,
                          String publishedBy) {

        public boolean published() {
            return publishedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<Integer, Version> published = new ConcurrentHashMap<>();
    private final TransactionMemo<Integer> liveVersion;

    RiskPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.liveVersion = new TransactionMemo<>(() -> jdbc.sql("select max(version) from risk_policies where published_at is not null")
                .query(Integer.class).single());
    }

    /** The live version: the highest published one, read once per transaction (see {@link TransactionMemo}). */
    public Version live() {
        return version(liveVersion.get()).orElseThrow();
    }

    public Optional<Version> version(int version) {
        Version cached = published.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Version> found = jdbc.sql("select * from risk_policies where version = ?").param(version).query(this::map).optional();
        found.filter(Version::published).ifPresent(v -> published.put(v.version(), v));
        return found;
    }

    /** Versions, newest first. */
    public List<Version> page(int page, int size) {
        return jdbc.sql("select * from risk_policies order by version desc limit ? offset ?").params(size, (long) page * size)
                .query(this::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from risk_policies").query(Long.class).single();
    }

    /** Adds a candidate under the next number; two at once are serialized by a table lock. */
    public Version addCandidate(RiskPolicy policy, String note, String by, Instant at) {
        jdbc.sql("lock table risk_policies in share row exclusive mode").update();
        int version = jdbc.sql("select max(version) + 1 from risk_policies").query(Integer.class).single();
        jdbc.sql("insert into risk_policies (version, document, note, created_at, created_by) values (?, ?::jsonb, ?, ?, ?)")
                .params(version, json.writeValueAsString(policy), note, SqlTime.of(at), by).update();
        return new Version(version, policy, note, at, by, null, null);
    }

    /** Publishes a candidate; false when it was already published (by this call's twin, for example). */
    public boolean publish(int version, String by, Instant at) {
        liveVersion.forget();
        return jdbc.sql("update risk_policies set published_at = ?, published_by = ? where version = ? and published_at is null")
                .params(SqlTime.of(at), by, version).update() == 1;
    }

    private Version map(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getInt("version"), json.readValue(rs.getString("document"), RiskPolicy.class), rs.getString("note"),
                SqlTime.instant(rs, "created_at"), rs.getString("created_by"), SqlTime.instant(rs, "published_at"),
                rs.getString("published_by"));
    }
}
