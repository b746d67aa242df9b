package dev.candor.photoreuse.infrastructure;

import dev.candor.photoreuse.ReuseMatch.Source;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hashes of claim and listing photos: the source of truth the in-memory index is built from. */
@Repository
public class PhotoHashes {

    /** A stored hash's facts, without the hash. */
    public record StoredHash(long id, Source source, String ref, String storeId, String buyerId, UUID caseId,
                             Instant createdAt) {
    }

    /** A row as the index loads it. */
    public record IndexRow(long id, byte[] pdq) {
    }

    private static final String COLUMNS = "id, source, ref, store_id, buyer_id, case_id, created_at";
    private static final RowMapper<StoredHash> STORED = (rs, n) -> new StoredHash(rs.getLong("id"),
            Source.valueOf(rs.getString("source")), rs.getString("ref"), rs.getString("store_id"),
            rs.getString("buyer_id"), rs.getObject("case_id", UUID.class), SqlTime.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    PhotoHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the hash unless the same source, ref and store is stored; returns the row either way. */
    public StoredHash insert(Source source, String ref, String storeId, String buyerId, UUID caseId, byte[] pdq,
                             Instant now) {
        Optional<StoredHash> inserted = jdbc.sql("""
                        insert into photo_hashes (source, ref, store_id, pdq, buyer_id, case_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (source, ref, store_id) do nothing
                        returning""" + " " + COLUMNS)
                .params(source.name(), ref, storeId, pdq, buyerId, caseId, SqlTime.of(now))
                .query(STORED).optional();
        return inserted.orElseGet(() -> jdbc.sql("select " + COLUMNS + " from photo_hashes where source = ? and ref = ? and store_id = ?")
                .params(source.name(), ref, storeId).query(STORED).single());
    }

    public List<StoredHash> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from photo_hashes where id = any(?)")
                .param(ids.toArray(Long[]::new)).query(STORED).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from photo_hashes").query(Long.class).single();
    }

    /** Up to {@code limit} rows with ids above {@code afterId}, in id order. */
    public List<IndexRow> after(long afterId, int limit) {
        return jdbc.sql("select id, pdq from photo_hashes where id > ? order by id limit ?").params(afterId, limit)
                .query(PhotoHashes::indexRow).list();
    }

    private static IndexRow indexRow(ResultSet rs, int n) throws SQLException {
        return new IndexRow(rs.getLong("id"), rs.getBytes("pdq"));
    }
}
