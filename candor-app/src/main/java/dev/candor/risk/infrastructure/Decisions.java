package dev.candor.risk.infrastructure;

import dev.candor.risk.model.Features;
import dev.candor.risk.model.Outcome;
import dev.candor.risk.model.Reason;
import dev.candor.risk.model.Stage;
import dev.candor.shared.BatchedInserts;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Decisions and revisions, append-only. */
@Repository
public class Decisions {

    /** One evidence request as stored: the demand and its one-time code, if it has one. */
    public record StoredRequest(String kind, String code) {
    }

    /** What a decision says, without the features it read (for views, which do not show them). */
    public record Headline(UUID id, int revision, Stage stage, Outcome outcome, List<Reason> reasons,
                           List<StoredRequest> evidenceRequests, int policyVersion, Instant decidedAt) {
        public Headline {
            reasons = List.copyOf(reasons);
            evidenceRequests = List.copyOf(evidenceRequests);
        }
    }

    /** A decision as stored. */
    public record Decision(UUID id, UUID caseId, int revision, Stage stage, Outcome outcome, int score, List<Reason> reasons,
                           List<StoredRequest> evidenceRequests, Features features, int policyVersion, String storeId,
                           String buyerId, long requestedCents, String currency, Instant decidedAt) {
        public Decision {
            reasons = List.copyOf(reasons);
            evidenceRequests = List.copyOf(evidenceRequests);
        }

        public Headline headline() {
            return new Headline(id, revision, stage, outcome, reasons, evidenceRequests, policyVersion, decidedAt);
        }
    }

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<StoredRequest>> REQUESTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final BatchedInserts inserts;
    private final JsonMapper json;

    Decisions(JdbcClient jdbc, BatchedInserts inserts, JsonMapper json) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
    }

    public void insert(Decision d) {
        inserts.insert("""
                        insert into risk_decisions (id, case_id, revision, stage, outcome, score, reasons, evidence_requests, features,
                                                    policy_version, store_id, buyer_id, requested_cents, currency, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                d.id(), d.caseId(), d.revision(), d.stage().name(), d.outcome().name(), d.score(),
                json.writeValueAsString(d.reasons()), json.writeValueAsString(d.evidenceRequests()),
                json.writeValueAsString(d.features()), d.policyVersion(), d.storeId(), d.buyerId(), d.requestedCents(),
                d.currency(), SqlTime.of(d.decidedAt()));
    }

    public Optional<Decision> latest(UUID caseId) {
        return jdbc.sql("select * from risk_decisions where case_id = ? order by revision desc limit 1").param(caseId)
                .query(this::map).optional();
    }

    /** The case's latest decision without its features: one index read, no features to parse. */
    public Optional<Headline> latestHeadline(UUID caseId) {
        return jdbc.sql("""
                        select id, revision, stage, outcome, reasons, evidence_requests, policy_version, decided_at
                        from risk_decisions where case_id = ? order by revision desc limit 1""")
                .param(caseId)
                .query(this::headline)
                .optional();
    }

    /** The latest decision of each of the cases without its features, in one read. */
    public Map<UUID, Headline> latestHeadlines(Collection<UUID> caseIds) {
        Map<UUID, Headline> latest = new HashMap<>();
        jdbc.sql("""
                        select distinct on (case_id) case_id, id, revision, stage, outcome, reasons, evidence_requests,
                                                     policy_version, decided_at
                        from risk_decisions where case_id = any(?) order by case_id, revision desc""")
                .param(caseIds.toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> latest.put(rs.getObject("case_id", UUID.class), headline(rs, 0)));
        return latest;
    }

    private Headline headline(ResultSet rs, int row) throws SQLException {
        return new Headline(rs.getObject("id", UUID.class), rs.getInt("revision"), Stage.valueOf(rs.getString("stage")),
                Outcome.valueOf(rs.getString("outcome")), json.readValue(rs.getString("reasons"), REASONS),
                json.readValue(rs.getString("evidence_requests"), REQUESTS), rs.getInt("policy_version"),
                SqlTime.instant(rs, "decided_at"));
    }

    /** The case's decisions, first to last. */
    public List<Decision> of(UUID caseId) {
        return jdbc.sql("select * from risk_decisions where case_id = ? order by revision").param(caseId).query(this::map).list();
    }

    /**
     * The latest decision of each case whose request was decided in [from, to), at most {@code limit} cases,
     * in the order the requests were decided; streamed, not held in memory.
     */
    public void eachLatestDecision(Instant from, Instant to, int limit, Consumer<Decision> each) {
        try (Stream<Decision> decisions = jdbc.sql("""
                        select latest.* from (
                            select case_id, decided_at from risk_decisions
                            where revision = 1 and decided_at >= ? and decided_at < ?
                            order by decided_at, case_id limit ?) requested
                        cross join lateral (
                            select * from risk_decisions d where d.case_id = requested.case_id
                            order by d.revision desc limit 1) latest
                        order by requested.decided_at, requested.case_id""")
                .params(SqlTime.of(from), SqlTime.of(to), limit)
                .query(this::map).stream()) {
            decisions.forEach(each);
        }
    }

    private Decision map(ResultSet rs, int row) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getInt("revision"),
                Stage.valueOf(rs.getString("stage")), Outcome.valueOf(rs.getString("outcome")), rs.getInt("score"),
                json.readValue(rs.getString("reasons"), REASONS), json.readValue(rs.getString("evidence_requests"), REQUESTS),
                json.readValue(rs.getString("features"), Features.class), rs.getInt("policy_version"), rs.getString("store_id"),
                rs.getString("buyer_id"), rs.getLong("requested_cents"), rs.getString("currency"), SqlTime.instant(rs, "decided_at"));
    }
}
