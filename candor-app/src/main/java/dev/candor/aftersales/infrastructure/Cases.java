package dev.candor.aftersales.infrastructure;

import dev.candor.aftersales.model.Action;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseReason;
import dev.candor.aftersales.model.CaseState;
import dev.candor.aftersales.model.CaseType;
import dev.candor.aftersales.model.InspectionFailure;
import dev.candor.aftersales.model.Judgment;
import dev.candor.aftersales.model.JudgmentOutcome;
import dev.candor.aftersales.model.Party;
import dev.candor.aftersales.model.TimeLimit;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases table: loads a case under a row lock for a change, saves it back, and answers the queries. */
@Repository
public class Cases {

    /** The values of a new case's row, besides its version. */
    private static final int INSERTED_COLUMNS = 18;

    private final JdbcClient jdbc;

    Cases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a newly opened case, its running time limit included, in one statement; false when the order already
     * has an open case. A new case has no offer, shipment, inspection, judgment, appeal or refund yet.
     */
    public boolean insert(AfterSalesCase c) {
        return insertAll(List.of(c)).contains(c.id());
    }

    /**
     * Inserts newly opened cases in one statement, in their order, each as last updated when it was opened; answers
     * the ids inserted. A case whose order already has an open case, or had one earlier in the list, is not inserted.
     */
    public Set<UUID> insertAll(List<AfterSalesCase> opened) {
        if (opened.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(opened.size() * INSERTED_COLUMNS);
        for (AfterSalesCase c : opened) {
            var deadline = c.deadline();
            params.addAll(Arrays.asList(c.id(), c.storeId(), c.orderId(), c.buyerId(), c.type().name(), c.request().reason().name(),
                    c.request().description(), c.request().requestedCents(), c.request().currency(),
                    c.request().category(), c.request().reportedLate(), SqlTime.of(c.createdAt()), c.state().name(),
                    SqlTime.of(c.stateSince()), name(deadline, d -> d.limit()),
                    deadline == null ? null : SqlTime.of(deadline.dueAt()), name(deadline, d -> d.onExpiry()),
                    SqlTime.of(c.createdAt())));
        }
        String row = "(" + "?, ".repeat(INSERTED_COLUMNS) + "1)";
        return new HashSet<>(jdbc.sql("""
                        insert into cases (id, store_id, order_id, buyer_id, type, reason, description, requested_cents,
                                           currency, category, reported_late, created_at, state, state_since,
                                           due_limit, due_at, due_action, updated_at, version)
                        values %s
                        on conflict (order_id) where state not in ('CLOSED', 'CANCELLED') do nothing
                        returning id""".formatted(String.join(", ", Collections.nCopies(opened.size(), row))))
                .params(params)
                .query(UUID.class)
                .list());
    }

    /** Loads a case and locks its row until the transaction ends, so concurrent actions on one case queue up. */
    public Optional<AfterSalesCase> lock(UUID id) {
        return jdbc.sql("select * from cases where id = ? for update").param(id).query(Cases::map).optional();
    }

    public Optional<AfterSalesCase> find(UUID id) {
        return jdbc.sql("select * from cases where id = ?").param(id).query(Cases::map).optional();
    }

    /** The cases with these ids that exist, in no particular order. */
    public List<AfterSalesCase> findAll(Collection<UUID> ids) {
        return jdbc.sql("select * from cases where id = any(?)").param(ids.toArray(UUID[]::new)).query(Cases::map).list();
    }

    /** Writes back everything a transition may change. */
    public void update(AfterSalesCase c, Instant now) {
        var deadline = c.deadline();
        var inspection = c.inspection();
        var judgment = c.judgment();
        var appeal = c.appeal();
        var refund = c.refund();
        var shipment = c.returnShipment();
        jdbc.sql("""
                        update cases set state = ?, state_since = ?, due_limit = ?, due_at = ?, due_action = ?,
                               offer_cents = ?, refusal_reason = ?, return_carrier = ?, return_tracking = ?,
                               inspection_failure = ?, inspection_note = ?,
                               judgment_outcome = ?, judgment_cents = ?, judgment_rule = ?, judgment_reasoning = ?,
                               judged_by = ?, judged_at = ?,
                               appeal_by = ?, appeal_party = ?, appeal_reason = ?, appealed_at = ?,
                               refund_cents = ?, refund_reference = ?, version = version + 1, updated_at = ?
                         where id = ?""")
                .params(c.state().name(), SqlTime.of(c.stateSince()),
                        name(deadline, d -> d.limit()), deadline == null ? null : SqlTime.of(deadline.dueAt()),
                        name(deadline, d -> d.onExpiry()),
                        c.offerCents(), c.refusalReason(),
                        shipment == null ? null : shipment.carrier(), shipment == null ? null : shipment.trackingNumber(),
                        name(inspection, i -> i.failure()), inspection == null ? null : inspection.note(),
                        name(judgment, j -> j.outcome()), judgment == null ? null : judgment.amountCents(),
                        judgment == null ? null : judgment.rule(), judgment == null ? null : judgment.reasoning(),
                        judgment == null ? null : judgment.judgedBy(), judgment == null ? null : SqlTime.of(judgment.judgedAt()),
                        appeal == null ? null : appeal.by(), name(appeal, a -> a.party()),
                        appeal == null ? null : appeal.reason(), appeal == null ? null : SqlTime.of(appeal.at()),
                        refund == null ? null : refund.amountCents(), refund == null ? null : refund.reference(),
                        SqlTime.of(now), c.id())
                .update();
    }

    /** Ids of cases whose acting time limit has run out, locked for this transaction; other nodes skip them. */
    public List<UUID> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id from cases where due_action is not null and due_at <= ?
                         order by due_at limit ? for update skip locked""")
                .params(SqlTime.of(now), limit)
                .query(UUID.class).list();
    }

    /** A filter for listing cases; null members do not filter. */
    public record Filter(String storeId, java.util.Set<String> storeIds, String buyerId, CaseState state) {
    }

    public List<AfterSalesCase> list(Filter filter, int page, int size) {
        return jdbc.sql("select * from cases where " + where(filter) + " order by created_at desc, id limit :size offset :offset")
                .paramSource(params(filter).addValue("size", size).addValue("offset", (long) page * size))
                .query(Cases::map).list();
    }

    public long count(Filter filter) {
        return jdbc.sql("select count(*) from cases where " + where(filter)).paramSource(params(filter)).query(Long.class).single();
    }

    /** Escalated cases and appeals, the most overdue first. */
    public List<AfterSalesCase> reviewQueue(int page, int size) {
        return jdbc.sql("""
                        select * from cases where state in ('IN_ARBITRATION', 'IN_APPEAL')
                         order by due_at, id limit ? offset ?""")
                .params(size, (long) page * size).query(Cases::map).list();
    }

    public long reviewQueueSize() {
        return jdbc.sql("select count(*) from cases where state in ('IN_ARBITRATION', 'IN_APPEAL')").query(Long.class).single();
    }

    private static String where(Filter f) {
        StringBuilder sql = new StringBuilder("true");
        if (f.storeId() != null) {
            sql.append(" and store_id = :storeId");
        }
        if (f.storeIds() != null) {
            sql.append(" and store_id in (:storeIds)");
        }
        if (f.buyerId() != null) {
            sql.append(" and buyer_id = :buyerId");
        }
        if (f.state() != null) {
            sql.append(" and state = :state");
        }
        return sql.toString();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Filter f) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("storeId", f.storeId()).addValue("buyerId", f.buyerId())
                .addValue("state", f.state() == null ? null : f.state().name());
        if (f.storeIds() != null) {
            params.addValue("storeIds", f.storeIds().isEmpty() ? List.of("") : List.copyOf(f.storeIds()));
        }
        return params;
    }

    private static <T> String name(T value, Function<T, Enum<?>> member) {
        if (value == null) {
            return null;
        }
        Enum<?> e = member.apply(value);
        return e == null ? null : e.name();
    }

    private static AfterSalesCase map(ResultSet rs, int row) throws SQLException {
        var request = new AfterSalesCase.Request(CaseType.valueOf(rs.getString("type")), CaseReason.valueOf(rs.getString("reason")),
                rs.getString("description"), rs.getLong("requested_cents"), rs.getString("currency"), rs.getString("category"),
                rs.getBoolean("reported_late"));
        var deadline = rs.getString("due_limit") == null ? null : new AfterSalesCase.Deadline(
                TimeLimit.valueOf(rs.getString("due_limit")), SqlTime.instant(rs, "due_at"),
                rs.getString("due_action") == null ? null : Action.valueOf(rs.getString("due_action")));
        var shipment = rs.getString("return_carrier") == null ? null
                : new AfterSalesCase.ReturnShipment(rs.getString("return_carrier"), rs.getString("return_tracking"));
        var inspection = rs.getString("inspection_failure") == null ? null
                : new AfterSalesCase.Inspection(InspectionFailure.valueOf(rs.getString("inspection_failure")), rs.getString("inspection_note"));
        var judgment = rs.getString("judgment_outcome") == null ? null : new Judgment(
                JudgmentOutcome.valueOf(rs.getString("judgment_outcome")), rs.getLong("judgment_cents"), rs.getString("judgment_rule"),
                rs.getString("judgment_reasoning"), rs.getString("judged_by"), SqlTime.instant(rs, "judged_at"));
        var appeal = rs.getString("appeal_by") == null ? null : new AfterSalesCase.Appeal(rs.getString("appeal_by"),
                Party.valueOf(rs.getString("appeal_party")), rs.getString("appeal_reason"), SqlTime.instant(rs, "appealed_at"));
        var refund = rs.getObject("refund_cents") == null ? null
                : new AfterSalesCase.Refund(rs.getLong("refund_cents"), rs.getString("refund_reference"));
        Long offer = rs.getObject("offer_cents") == null ? null : rs.getLong("offer_cents");
        return new AfterSalesCase(rs.getObject("id", UUID.class), rs.getString("store_id"), rs.getString("order_id"),
                rs.getString("buyer_id"), request, SqlTime.instant(rs, "created_at"), CaseState.valueOf(rs.getString("state")),
                SqlTime.instant(rs, "state_since"), deadline, offer, rs.getString("refusal_reason"), shipment, inspection,
                judgment, appeal, refund);
    }
}
