package dev.candor.risk.infrastructure;

import dev.candor.risk.model.Features;
import dev.candor.risk.model.Features.ForensicFacts;
import dev.candor.shared.BatchedInserts;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The per-case facts later stages decide on; reading one locks it, so a case's decisions come one at a time. */
@Repository
public class RiskCases {

    /** A case's evidence counts, forensic state, merchant flags and one-time code. */
    public record RiskCase(UUID caseId, Features.EvidenceFacts evidence, ForensicFacts forensics, List<Features.FlagFact> flags,
                           String oneTimeCode) {
        public RiskCase {
            flags = List.copyOf(flags);
        }
    }

    private static final TypeReference<List<Features.Signal>> SIGNALS = new TypeReference<>() {
    };
    private static final TypeReference<List<Features.FlagFact>> FLAGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final BatchedInserts inserts;
    private final JsonMapper json;

    RiskCases(JdbcClient jdbc, BatchedInserts inserts, JsonMapper json) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
    }

    public void insert(UUID caseId, String oneTimeCode) {
        inserts.insert("insert into risk_cases (case_id, one_time_code) values (?, ?)", caseId, oneTimeCode);
    }

    /** The case's facts, locked until the transaction ends; empty when Candor made no decision on the request. */
    public Optional<RiskCase> lock(UUID caseId) {
        return jdbc.sql("select * from risk_cases where case_id = ? for update").param(caseId)
                .query((rs, n) -> new RiskCase(caseId, new Features.EvidenceFacts(rs.getInt("photos"), rs.getInt("videos")),
                        new ForensicFacts(ForensicFacts.Status.valueOf(rs.getString("forensic_status")),
                                json.readValue(rs.getString("forensic_signals"), SIGNALS)),
                        json.readValue(rs.getString("merchant_flags"), FLAGS), rs.getString("one_time_code")))
                .optional();
    }

    public void update(RiskCase c) {
        jdbc.sql("""
                        update risk_cases set photos = ?, videos = ?, forensic_status = ?, forensic_signals = ?::jsonb,
                                              merchant_flags = ?::jsonb, one_time_code = ?
                        where case_id = ?""")
                .params(c.evidence().photos(), c.evidence().videos(), c.forensics().status().name(),
                        json.writeValueAsString(c.forensics().signals()), json.writeValueAsString(c.flags()), c.oneTimeCode(),
                        c.caseId())
                .update();
    }
}
