package dev.candor.photoreuse.infrastructure;

import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listing photos waiting to be hashed into the index. */
@Repository
public class ListingPhotosToHash {

    /** A waiting photo; {@code photo} names it (listing id / photo id) for the decoder's messages. */
    public record Waiting(String sha256, String storeId, String photo) {
    }

    private final JdbcClient jdbc;

    ListingPhotosToHash(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String sha256, String storeId, String photo, Instant now) {
        jdbc.sql("""
                        insert into listing_photos_to_hash (sha256, store_id, photo, queued_at) values (?, ?, ?, ?)
                        on conflict (sha256, store_id) do nothing""")
                .params(sha256, storeId, photo, SqlTime.of(now)).update();
    }

    /** Claims up to {@code limit} waiting photos for this transaction; other nodes skip them. */
    public List<Waiting> claim(int limit) {
        return jdbc.sql("""
                        select sha256, store_id, photo from listing_photos_to_hash
                        order by queued_at limit ? for update skip locked""")
                .param(limit)
                .query((rs, n) -> new Waiting(rs.getString("sha256"), rs.getString("store_id"), rs.getString("photo")))
                .list();
    }

    public void remove(Waiting waiting) {
        jdbc.sql("delete from listing_photos_to_hash where sha256 = ? and store_id = ?")
                .params(waiting.sha256(), waiting.storeId()).update();
    }
}
