package dev.candor.commerce.infrastructure;

import dev.candor.commerce.model.Shipment.Direction;
import dev.candor.commerce.model.Shipment;
import dev.candor.commerce.model.TrackingEvent;
import dev.candor.commerce.model.Upsertable;
import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments and their tracking events, which are unique per (shipment, occurred at, status). */
@Repository
public class Shipments implements Upsertable<Shipment> {

    private static final String COLUMNS = "id, order_id, direction, carrier, tracking_number";
    private static final RowMapper<Shipment> SHIPMENT = (rs, n) -> new Shipment(rs.getString("id"),
            rs.getString("order_id"), Direction.valueOf(rs.getString("direction")), rs.getString("carrier"),
            rs.getString("tracking_number"));

    private final JdbcClient jdbc;

    Shipments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Shipment> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from shipments where id = ?").param(id).query(SHIPMENT).optional();
    }

    public List<Shipment> ofOrder(String orderId) {
        return jdbc.sql("select " + COLUMNS + " from shipments where order_id = ? order by id").param(orderId)
                .query(SHIPMENT).list();
    }

    /** The shipment's tracking events in the order they happened. */
    public List<TrackingEvent> events(String shipmentId) {
        return jdbc.sql("""
                        select occurred_at, status, location, description from tracking_events
                        where shipment_id = ? order by occurred_at, status""")
                .param(shipmentId)
                .query((rs, n) -> new TrackingEvent(SqlTime.instant(rs, "occurred_at"), rs.getString("status"),
                        rs.getString("location"), rs.getString("description")))
                .list();
    }

    /** Adds the events the shipment does not have yet and returns those; re-sent events are ignored. */
    public List<TrackingEvent> addNewEvents(String shipmentId, List<TrackingEvent> events, Instant now) {
        return events.stream().filter(event -> jdbc.sql("""
                        insert into tracking_events (shipment_id, occurred_at, status, location, description, received_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (shipment_id, occurred_at, status) do nothing""")
                .params(shipmentId, SqlTime.of(event.occurredAt()), event.status(), event.location(), event.description(),
                        SqlTime.of(now))
                .update() == 1).toList();
    }

    @Override
    public boolean insertIfAbsent(Shipment shipment, Instant now) {
        return jdbc.sql("""
                        insert into shipments (id, order_id, direction, carrier, tracking_number, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do nothing""")
                .params(shipment.id(), shipment.orderId(), shipment.direction().name(), shipment.carrier(),
                        shipment.trackingNumber(), SqlTime.of(now), SqlTime.of(now))
                .update() == 1;
    }

    @Override
    public Optional<Shipment> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from shipments where id = ? for update").param(id).query(SHIPMENT)
                .optional();
    }

    @Override
    public void update(Shipment shipment, Instant now) {
        jdbc.sql("""
                        update shipments set order_id = ?, direction = ?, carrier = ?, tracking_number = ?, updated_at = ?
                        where id = ?""")
                .params(shipment.orderId(), shipment.direction().name(), shipment.carrier(), shipment.trackingNumber(),
                        SqlTime.of(now), shipment.id())
                .update();
    }
}
