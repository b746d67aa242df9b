package dev.candor.risk.infrastructure;

import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each store's risk settings; a store without a row has the defaults (fast approval off). */
@Repository
public class StoreSettings {

    /** A store's settings; {@code updatedAt} and {@code updatedBy} are null for the defaults. */
    public record Settings(String storeId, boolean fastApproval, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;

    StoreSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Settings of(String storeId) {
        Optional<Settings> stored = jdbc.sql("select * from risk_store_settings where store_id = ?").param(storeId)
                .query((rs, n) -> new Settings(storeId, rs.getBoolean("fast_approval"), SqlTime.instant(rs, "updated_at"),
                        rs.getString("updated_by")))
                .optional();
        return stored.orElse(new Settings(storeId, false, null, null));
    }

    public void put(Settings settings) {
        jdbc.sql("""
                        insert into risk_store_settings (store_id, fast_approval, updated_at, updated_by) values (?, ?, ?, ?)
                        on conflict (store_id) do update set fast_approval = excluded.fast_approval,
                                                             updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(settings.storeId(), settings.fastApproval(), SqlTime.of(settings.updatedAt()), settings.updatedBy())
                .update();
    }
}
