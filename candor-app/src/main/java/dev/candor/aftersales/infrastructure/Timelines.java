package dev.candor.aftersales.infrastructure;

import dev.candor.aftersales.model.CaseState;
import dev.candor.shared.BatchedInserts;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.Actor;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only per-case timeline: who did what, from which state to which, citing which rule and evidence. */
@Repository
public class Timelines {

    private final JdbcClient jdbc;
    private final BatchedInserts inserts;
    private final JsonMapper json;

    Timelines(JdbcClient jdbc, BatchedInserts inserts, JsonMapper json) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
    }

    /** One timeline entry. {@code from} and {@code to} are null for entries that do not move the case. */
    public record Entry(long id, UUID caseId, Instant at, String actorId, String actorKind, String action,
                        CaseState from, CaseState to, String rule, List<UUID> evidenceIds, Map<String, Object> detail) {
    }

    public void append(UUID caseId, Instant at, Actor actor, String action, CaseState from, CaseState to, String rule,
                       List<UUID> evidenceIds, Map<String, ?> detail) {
        inserts.insert("""
                        insert into case_timeline (case_id, occurred_at, actor_id, actor_kind, action, from_state, to_state,
                                                   rule, evidence_ids, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as uuid[]), cast(? as jsonb))""",
                caseId, SqlTime.of(at), actor.id(), actor.kind().name(), action,
                from == null ? null : from.name(), to == null ? null : to.name(), rule,
                "{" + String.join(",", evidenceIds.stream().map(UUID::toString).toList()) + "}", json.writeValueAsString(detail));
    }

    public List<Entry> of(UUID caseId) {
        return jdbc.sql("select * from case_timeline where case_id = ? order by id").param(caseId)
                .query((rs, n) -> new Entry(rs.getLong("id"), caseId, SqlTime.instant(rs, "occurred_at"),
                        rs.getString("actor_id"), rs.getString("actor_kind"), rs.getString("action"),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")),
                        rs.getString("to_state") == null ? null : CaseState.valueOf(rs.getString("to_state")),
                        rs.getString("rule"), Arrays.asList((UUID[]) rs.getArray("evidence_ids").getArray()),
                        json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() { })))
                .list();
    }
}
