package dev.candor.integrity.infrastructure;

import dev.candor.integrity.model.PenaltyPolicy;
import dev.candor.shared.SqlTime;
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
 * Penalty policy versions in PostgreSQL. A published version never changes, so versions are cached by
 * number; which version is current is always read from the database (another node may have published).
 */
@Repository
public class PenaltyPolicies {

    /** A published version. */
    public record Version(int version, PenaltyPolicy policy, String note, Instant publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<Integer, Version> published = new ConcurrentHashMap<>();

    PenaltyPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Version current() {
        int version = jdbc.sql("select max(version) from integrity_policies").query(Integer.class).single();
        return version(version).orElseThrow();
    }

    public Optional<Version> version(int version) {
        Version cached = published.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Version> found = jdbc.sql("select * from integrity_policies where version = ?").param(version)
                .query(this::map).optional();
        found.ifPresent(v -> published.put(v.version(), v));
        return found;
    }

    /** Versions, newest first. */
    public List<Version> page(int page, int size) {
        return jdbc.sql("select * from integrity_policies order by version desc limit ? offset ?")
                .params(size, (long) page * size).query(this::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from integrity_policies").query(Long.class).single();
    }

    /** Publishes the next version; two publications at once are serialized by a table lock and get consecutive numbers. */
    public Version publish(PenaltyPolicy policy, String note, String by, Instant at) {
        jdbc.sql("lock table integrity_policies in share row exclusive mode").update();
        int version = jdbc.sql("select max(version) + 1 from integrity_policies").query(Integer.class).single();
        jdbc.sql("insert into integrity_policies (version, document, note, published_at, published_by) values (?, ?::jsonb, ?, ?, ?)")
                .params(version, json.writeValueAsString(policy), note, SqlTime.of(at), by).update();
        return new Version(version, policy, note, at, by);
    }

    private Version map(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getInt("version"), json.readValue(rs.getString("document"), PenaltyPolicy.class),
                rs.getString("note"), SqlTime.instant(rs, "published_at"), rs.getString("published_by"));
    }
}
