package dev.candor.evidence.infrastructure;

import dev.candor.evidence.model.EvidenceFile;
import dev.candor.evidence.model.FileType;
import dev.candor.evidence.model.ImageSize;
import dev.candor.shared.SqlTime;
import dev.candor.shared.security.ActorKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence table. */
@Repository
public class EvidenceFiles {

    private static final String COLUMNS = """
            id, case_id, uploader_id, uploader_kind, file_type, size_bytes, sha256, width, height, original_file_name,
            description, uploaded_at, copy_file_type, copy_sha256, copy_size_bytes""";

    private final JdbcClient jdbc;

    EvidenceFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the file unless the case already holds the same bytes; false when it did. */
    public boolean insertIfNew(EvidenceFile f) {
        return jdbc.sql("""
                        insert into evidence (id, case_id, uploader_id, uploader_kind, kind, file_type, media_type, size_bytes,
                                              sha256, width, height, original_file_name, description, uploaded_at,
                                              copy_file_type, copy_sha256, copy_size_bytes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id, sha256) do nothing""")
                .params(f.id(), f.caseId(), f.uploaderId(), f.uploaderKind().name(), f.kind().name(), f.type().name(),
                        f.type().mediaType(), f.sizeBytes(), f.sha256(),
                        f.size() == null ? null : f.size().width(), f.size() == null ? null : f.size().height(),
                        f.originalFileName(), f.description(), SqlTime.of(f.uploadedAt()), f.copyType().name(),
                        f.copySha256(), f.copySizeBytes())
                .update() == 1;
    }

    public Optional<EvidenceFile> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from evidence where id = ?").param(id).query(EvidenceFiles::map).optional();
    }

    public Optional<EvidenceFile> findInCase(UUID caseId, String sha256) {
        return jdbc.sql("select " + COLUMNS + " from evidence where case_id = ? and sha256 = ?")
                .params(caseId, sha256).query(EvidenceFiles::map).optional();
    }

    /** A case's files in upload order. */
    public List<EvidenceFile> ofCase(UUID caseId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from evidence where case_id = ? order by uploaded_at, id limit ? offset ?")
                .params(caseId, size, (long) page * size).query(EvidenceFiles::map).list();
    }

    public long countOfCase(UUID caseId) {
        return jdbc.sql("select count(*) from evidence where case_id = ?").param(caseId).query(Long.class).single();
    }

    /** How many of the distinct ids name files of the case. */
    public long countInCase(UUID caseId, Collection<UUID> ids) {
        return jdbc.sql("select count(*) from evidence where case_id = ? and id = any(?)")
                .params(caseId, ids.stream().distinct().toArray(UUID[]::new)).query(Long.class).single();
    }

    private static EvidenceFile map(ResultSet rs, int row) throws SQLException {
        int width = rs.getInt("width");
        ImageSize size = rs.wasNull() ? null : new ImageSize(width, rs.getInt("height"));
        return new EvidenceFile(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("uploader_id"),
                ActorKind.valueOf(rs.getString("uploader_kind")), FileType.valueOf(rs.getString("file_type")),
                rs.getLong("size_bytes"), rs.getString("sha256"), size, rs.getString("original_file_name"),
                rs.getString("description"), SqlTime.instant(rs, "uploaded_at"), FileType.valueOf(rs.getString("copy_file_type")),
                rs.getString("copy_sha256"), rs.getLong("copy_size_bytes"));
    }
}
