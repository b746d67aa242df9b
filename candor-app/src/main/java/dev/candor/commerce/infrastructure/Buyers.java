package dev.candor.commerce.infrastructure;

import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Buyers implements Upsertable<Buyer> {

    private static final String COLUMNS = "id, name, phone, address, email";
    private static final RowMapper<Buyer> BUYER = (rs, n) -> new Buyer(rs.getString("id"), rs.getString("name"),
            rs.getString("phone"), rs.getString("address"), rs.getString("email"));

    private final JdbcClient jdbc;

    Buyers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Buyer> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from buyers where id = ?").param(id).query(BUYER).optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from buyers where id = ?)").param(id).query(Boolean.class).single();
    }

    @Override
    public boolean insertIfAbsent(Buyer buyer, Instant now) {
        return jdbc.sql("""
                        insert into buyers (id, name, phone, address, email, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(buyer.id(), buyer.name(), buyer.phone(), buyer.address(), buyer.email(), SqlTime.of(now),
                        SqlTime.of(now))
                .update() == 1;
    }

    @Override
    public Optional<Buyer> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from buyers where id = ? for update").param(id).query(BUYER).optional();
    }

    @Override
    public void update(Buyer buyer, Instant now) {
        jdbc.sql("update buyers set name = ?, phone = ?, address = ?, email = ?, updated_at = ? where id = ?")
                .params(buyer.name(), buyer.phone(), buyer.address(), buyer.email(), SqlTime.of(now), buyer.id())
                .update();
    }
}
