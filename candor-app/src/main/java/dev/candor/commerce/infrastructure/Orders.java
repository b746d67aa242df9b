package dev.candor.commerce.infrastructure;

import dev.candor.commerce.OrderSnapshot.OrderLine;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders with their lines; the lines are replaced as a whole when a push changes the order. */
@Repository
public class Orders implements Upsertable<Order> {

    private static final String COLUMNS = "id, store_id, buyer_id, total_cents, currency, paid_at, shipped_at, delivered_at";

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from orders where id = ?").param(id).query(this::order).optional();
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from orders where id = ?)").param(id).query(Boolean.class).single();
    }

    /** A page of a store's orders, the most recently paid first. */
    public List<Order> ofStore(String storeId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from orders where store_id = ? order by paid_at desc, id limit ? offset ?")
                .params(storeId, size, (long) page * size).query(this::order).list();
    }

    public long countOfStore(String storeId) {
        return jdbc.sql("select count(*) from orders where store_id = ?").param(storeId).query(Long.class).single();
    }

    /** Whether the buyer has ordered from any of the stores. */
    public boolean buyerOrderedFromAny(String buyerId, Collection<String> storeIds) {
        if (storeIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from orders where buyer_id = ? and store_id = any (?))")
                .params(buyerId, storeIds.toArray(String[]::new)).query(Boolean.class).single();
    }

    @Override
    public boolean insertIfAbsent(Order order, Instant now) {
        boolean inserted = jdbc.sql("""
                        insert into orders (id, store_id, buyer_id, total_cents, currency, paid_at, shipped_at, delivered_at,
                                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(order.id(), order.storeId(), order.buyerId(), order.totalCents(), order.currency(),
                        SqlTime.of(order.paidAt()), SqlTime.of(order.shippedAt()), SqlTime.of(order.deliveredAt()),
                        SqlTime.of(now), SqlTime.of(now))
                .update() == 1;
        if (inserted) {
            insertLines(order);
        }
        return inserted;
    }

    @Override
    public Optional<Order> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from orders where id = ? for update").param(id).query(this::order).optional();
    }

    @Override
    public void update(Order order, Instant now) {
        jdbc.sql("""
                        update orders set store_id = ?, buyer_id = ?, total_cents = ?, currency = ?, paid_at = ?,
                                          shipped_at = ?, delivered_at = ?, updated_at = ?
                        where id = ?""")
                .params(order.storeId(), order.buyerId(), order.totalCents(), order.currency(), SqlTime.of(order.paidAt()),
                        SqlTime.of(order.shippedAt()), SqlTime.of(order.deliveredAt()), SqlTime.of(now), order.id())
                .update();
        jdbc.sql("delete from order_lines where order_id = ?").param(order.id()).update();
        insertLines(order);
    }

    private void insertLines(Order order) {
        for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
            OrderLine line = order.lines().get(lineNo);
            jdbc.sql("""
                            insert into order_lines (order_id, line_no, listing_id, title, category, quantity, unit_price_cents)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(order.id(), lineNo, line.listingId(), line.title(), line.category(), line.quantity(),
                            line.unitPriceCents())
                    .update();
        }
    }

    private Order order(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        List<OrderLine> lines = jdbc.sql("""
                        select listing_id, title, category, quantity, unit_price_cents from order_lines
                        where order_id = ? order by line_no""")
                .param(id)
                .query((l, n) -> new OrderLine(l.getString("listing_id"), l.getString("title"), l.getString("category"),
                        l.getInt("quantity"), l.getLong("unit_price_cents")))
                .list();
        return new Order(id, rs.getString("store_id"), rs.getString("buyer_id"), lines, rs.getLong("total_cents"),
                rs.getString("currency"), SqlTime.instant(rs, "paid_at"), SqlTime.instant(rs, "shipped_at"),
                SqlTime.instant(rs, "delivered_at"));
    }
}
