package dev.candor.commerce.infrastructure;

import dev.candor.commerce.OrderSnapshot.OrderLine;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
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
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The orders with these ids that were pushed, with their lines, in one read; in no particular order. */
    public List<Order> findAll(Collection<String> ids) {
        return withLines("select " + COLUMNS + " from orders where id = any (?)", "o.id", (Object) ids.toArray(String[]::new));
    }

    public boolean exists(String id) {
        return jdbc.sql("select exists (select 1 from orders where id = ?)").param(id).query(Boolean.class).single();
    }

    /** A page of a store's orders, the most recently paid first. */
    public List<Order> ofStore(String storeId, int page, int size) {
        return withLines("select " + COLUMNS + " from orders where store_id = ? order by paid_at desc, id limit ? offset ?",
                "o.paid_at desc, o.id", storeId, size, (long) page * size);
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
        return withLines("select " + COLUMNS + " from orders where id = ? for update", "o.id", id).stream().findFirst();
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

    /** The orders {@code select} finds, each with its lines, in one round trip, in {@code order}. */
    private List<Order> withLines(String select, String order, Object... params) {
        record Head(String id, String storeId, String buyerId, long totalCents, String currency, Instant paidAt,
                    Instant shippedAt, Instant deliveredAt, List<OrderLine> lines) {
        }
        Map<String, Head> found = new LinkedHashMap<>();
        jdbc.sql("select o.*, l.listing_id, l.title, l.category, l.quantity, l.unit_price_cents from (" + select + ") o"
                        + " left join order_lines l on l.order_id = o.id order by " + order + ", l.line_no")
                .params(params)
                .query((RowCallbackHandler) rs -> {
                    String id = rs.getString("id");
                    Head head = found.get(id);
                    if (head == null) {
                        head = new Head(id, rs.getString("store_id"), rs.getString("buyer_id"), rs.getLong("total_cents"),
                                rs.getString("currency"), SqlTime.instant(rs, "paid_at"), SqlTime.instant(rs, "shipped_at"),
                                SqlTime.instant(rs, "delivered_at"), new ArrayList<>());
                        found.put(id, head);
                    }
                    if (rs.getString("listing_id") != null) {
                        head.lines().add(new OrderLine(rs.getString("listing_id"), rs.getString("title"), rs.getString("category"),
                                rs.getInt("quantity"), rs.getLong("unit_price_cents")));
                    }
                });
        return found.values().stream().map(h -> new Order(h.id(), h.storeId(), h.buyerId(), h.lines(), h.totalCents(), h.currency(),
                h.paidAt(), h.shippedAt(), h.deliveredAt())).toList();
    }
}
