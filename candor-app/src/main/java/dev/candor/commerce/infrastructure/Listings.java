package dev.candor.commerce.infrastructure;

import dev.candor.commerce.model.Listing.PhotoRef;
import dev.candor.commerce.model.Listing;
import dev.candor.commerce.model.PhotoContent;
import dev.candor.commerce.model.PhotoType;
import dev.candor.commerce.model.StoredPhoto;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Listings and their photos. A photo the listing stops showing keeps its row with no position: a buyer
 * may still pass an old listing photo off as their own, so forensics needs it.
 */
@Repository
public class Listings implements Upsertable<Listing> {

    private static final String COLUMNS = "id, store_id, title, category, price_cents, currency";
    private static final RowMapper<StoredPhoto> PHOTO = (rs, n) -> new StoredPhoto(rs.getString("listing_id"),
            rs.getString("photo_id"), rs.getString("url"), rs.getObject("position") != null, content(rs));

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Listing> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from listings where id = ?").param(id).query(this::listing).optional();
    }

    /** Every photo of the listing: shown ones in display order, then the others. */
    public List<StoredPhoto> photos(String listingId) {
        return jdbc.sql("""
                        select listing_id, photo_id, url, position, sha256, media_type, size_bytes from listing_photos
                        where listing_id = ? order by position nulls last, photo_id""")
                .param(listingId).query(PHOTO).list();
    }

    public Optional<StoredPhoto> lockPhoto(String listingId, String photoId) {
        return jdbc.sql("""
                        select listing_id, photo_id, url, position, sha256, media_type, size_bytes from listing_photos
                        where listing_id = ? and photo_id = ? for update""")
                .params(listingId, photoId).query(PHOTO).optional();
    }

    public void storePhotoContent(String listingId, String photoId, PhotoContent content, Instant now) {
        jdbc.sql("""
                        update listing_photos set sha256 = ?, media_type = ?, size_bytes = ?, uploaded_at = ?
                        where listing_id = ? and photo_id = ?""")
                .params(content.sha256(), content.type().mediaType(), content.sizeBytes(), SqlTime.of(now), listingId,
                        photoId)
                .update();
    }

    @Override
    public boolean insertIfAbsent(Listing listing, Instant now) {
        boolean inserted = jdbc.sql("""
                        insert into listings (id, store_id, title, category, price_cents, currency, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(listing.id(), listing.storeId(), listing.title(), listing.category(), listing.priceCents(),
                        listing.currency(), SqlTime.of(now), SqlTime.of(now))
                .update() == 1;
        if (inserted) {
            showPhotos(listing);
        }
        return inserted;
    }

    @Override
    public Optional<Listing> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from listings where id = ? for update").param(id).query(this::listing)
                .optional();
    }

    @Override
    public void update(Listing listing, Instant now) {
        jdbc.sql("""
                        update listings set store_id = ?, title = ?, category = ?, price_cents = ?, currency = ?,
                                            updated_at = ?
                        where id = ?""")
                .params(listing.storeId(), listing.title(), listing.category(), listing.priceCents(), listing.currency(),
                        SqlTime.of(now), listing.id())
                .update();
        jdbc.sql("update listing_photos set position = null where listing_id = ?").param(listing.id()).update();
        showPhotos(listing);
    }

    private void showPhotos(Listing listing) {
        for (int position = 0; position < listing.photos().size(); position++) {
            PhotoRef photo = listing.photos().get(position);
            jdbc.sql("""
                            insert into listing_photos (listing_id, photo_id, url, position) values (?, ?, ?, ?)
                            on conflict (listing_id, photo_id) do update set url = excluded.url, position = excluded.position""")
                    .params(listing.id(), photo.photoId(), photo.url(), position).update();
        }
    }

    private Listing listing(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<PhotoRef> shown = jdbc.sql("""
                        select photo_id, url from listing_photos where listing_id = ? and position is not null
                        order by position""")
                .param(id).query((p, n) -> new PhotoRef(p.getString("photo_id"), p.getString("url"))).list();
        return new Listing(id, rs.getString("store_id"), rs.getString("title"), rs.getString("category"),
                rs.getLong("price_cents"), rs.getString("currency"), shown);
    }

    private static PhotoContent content(ResultSet rs) throws SQLException {
        String sha256 = rs.getString("sha256");
        if (sha256 == null) {
            return null;
        }
        PhotoType type = PhotoType.ofMediaType(rs.getString("media_type")).orElseThrow();
        return new PhotoContent(sha256, type, rs.getLong("size_bytes"));
    }
}
