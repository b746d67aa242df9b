package dev.candor.photoforensics.infrastructure;

import dev.candor.forensics.ForensicReport;
import dev.candor.shared.SqlTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each evidence photo's forensic report, stored once per context key (the listing photos and delivery time it
 * was judged against), as the report record's JSON.
 */
@Repository
public class PhotoReports {

    /** Its own mapper, so that the stored form does not change with the web API's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PhotoReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored reports of these photos for the context, by evidence id; photos not scanned in it are absent. */
    public Map<UUID, ForensicReport> find(Collection<UUID> evidenceIds, String contextKey) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        record Stored(UUID evidenceId, ForensicReport report) {
        }
        return jdbc.sql("select evidence_id, report::text as report from forensic_photo_reports where context_key = :key and evidence_id in (:ids)")
                .param("key", contextKey)
                .param("ids", evidenceIds)
                .query((rs, n) -> new Stored(rs.getObject("evidence_id", UUID.class),
                        JSON.readValue(rs.getString("report"), ForensicReport.class)))
                .list().stream()
                .collect(Collectors.toMap(Stored::evidenceId, Stored::report));
    }

    /** Stores a report in its own statement; a report stored meanwhile by another scan of the same photo is kept. */
    public void save(UUID evidenceId, String contextKey, UUID caseId, ForensicReport report, Instant scannedAt) {
        jdbc.sql("""
                        insert into forensic_photo_reports (evidence_id, context_key, case_id, report, scanned_at)
                        values (?, ?, ?, ?::jsonb, ?)
                        on conflict (evidence_id, context_key) do nothing""")
                .params(evidenceId, contextKey, caseId, JSON.writeValueAsString(report), SqlTime.of(scannedAt))
                .update();
    }
}
