package dev.candor.commerce.infrastructure;

import dev.candor.commerce.model.Store;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Stores implements Upsertable<Store> {

    private static final RowMapper<Store> STORE = (rs, n) -> new Store(rs.getString("id"), rs.getString("name"));

    private final JdbcClient jdbc;

    Stores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Store> find(String id) {
        return jdbc.sql("select id, name from stores where id = ?").param(id).query(STORE).optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from stores where id = ?)").param(id).query(Boolean.class).single();
    }

    @Override
    public boolean insertIfAbsent(Store store, Instant now) {
        return jdbc.sql("""
                        insert into stores (id, name, created_at, updated_at) values (?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(store.id(), store.name(), SqlTime.of(now), SqlTime.of(now)).update() == 1;
    }

    @Override
    public Optional<Store> lock(String id) {
        return jdbc.sql("select id, name from stores where id = ? for update").param(id).query(STORE).optional();
    }

    @Override
    public void update(Store store, Instant now) {
        jdbc.sql("update stores set name = ?, updated_at = ? where id = ?")
                .params(store.name(), SqlTime.of(now), store.id()).update();
    }
}
