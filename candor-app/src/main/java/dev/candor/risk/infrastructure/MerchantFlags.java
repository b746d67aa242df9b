package dev.candor.risk.infrastructure;

import dev.candor.risk.model.FlagFinding;
import dev.candor.risk.model.FlagKind;
import dev.candor.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Merchants' flags on evidence photos, one per case, photo and kind. */
@Repository
public class MerchantFlags {

    /**
     * A flag as stored.
     *
     * @param verdict the forensics library's verdict on the photo when it was flagged
     * @param findings the findings that confirmed it; empty when the checks did not
     * @param reportId the DETECTION report a confirmed flag filed; {@code null} otherwise
     * @param decisionId the decision a confirmed flag caused; {@code null} otherwise
     */
    public record Flag(UUID caseId, UUID evidenceId, FlagKind kind, boolean confirmed, String verdict, List<FlagFinding> findings,
                       UUID reportId, UUID decisionId, String flaggedBy, Instant flaggedAt) {
        public Flag {
            findings = List.copyOf(findings);
        }
    }

    private static final TypeReference<List<FlagFinding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MerchantFlags(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Flag> find(UUID caseId, UUID evidenceId, FlagKind kind) {
        return jdbc.sql("select * from risk_merchant_flags where case_id = ? and evidence_id = ? and kind = ?")
                .params(caseId, evidenceId, kind.name()).query(this::map).optional();
    }

    /** Inserts a new flag; false when the case already has this flag on this photo (a concurrent twin, say). */
    public boolean insert(Flag f) {
        return jdbc.sql("""
                        insert into risk_merchant_flags (case_id, evidence_id, kind, confirmed, verdict, findings, report_id, decision_id,
                                                         flagged_by, flagged_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(f.caseId(), f.evidenceId(), f.kind().name(), f.confirmed(), f.verdict(), json.writeValueAsString(f.findings()),
                        f.reportId(), f.decisionId(), f.flaggedBy(), SqlTime.of(f.flaggedAt()))
                .update() == 1;
    }

    /** Records what a confirmed flag led to: the decision it caused (if any) and the report it filed. */
    public void settle(Flag f, UUID decisionId, UUID reportId) {
        jdbc.sql("update risk_merchant_flags set decision_id = ?, report_id = ? where case_id = ? and evidence_id = ? and kind = ?")
                .params(decisionId, reportId, f.caseId(), f.evidenceId(), f.kind().name()).update();
    }

    private Flag map(ResultSet rs, int row) throws SQLException {
        return new Flag(rs.getObject("case_id", UUID.class), rs.getObject("evidence_id", UUID.class), FlagKind.valueOf(rs.getString("kind")),
                rs.getBoolean("confirmed"), rs.getString("verdict"), json.readValue(rs.getString("findings"), FINDINGS),
                rs.getObject("report_id", UUID.class), rs.getObject("decision_id", UUID.class), rs.getString("flagged_by"),
                SqlTime.instant(rs, "flagged_at"));
    }
}
