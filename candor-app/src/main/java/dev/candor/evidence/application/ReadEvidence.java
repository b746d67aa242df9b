package dev.candor.evidence.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.evidence.infrastructure.EvidenceFiles;
import dev.candor.evidence.model.EvidenceFile;
import dev.candor.evidence.model.FileType;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Lists, describes and serves evidence files to the parties of their case. Platform staff and the
 * case's buyer get the original bytes (staff downloads of originals are audited); everyone else,
 * merchants above all, only ever gets the copy without metadata.
 */
@Service
public class ReadEvidence {

    private final AfterSalesCases cases;
    private final EvidenceFiles files;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final TransactionOperations transactions;

    ReadEvidence(AfterSalesCases cases, EvidenceFiles files, BlobStore blobs, AuditLog audit, TransactionOperations transactions) {
        this.cases = cases;
        this.files = files;
        this.blobs = blobs;
        this.audit = audit;
        this.transactions = transactions;
    }

    public record Page(List<EvidenceFile> items, long total) {
    }

    /**
     * Bytes to send.
     *
     * @param original whether these are the original bytes (else the copy without metadata)
     */
    public record Content(InputStream bytes, FileType type, long sizeBytes, String fileName, boolean original) {
    }

    public Page list(UUID caseId, Actor actor, int page, int size) {
        cases.partiesVisibleTo(caseId, actor);
        return new Page(files.ofCase(caseId, page, size), files.countOfCase(caseId));
    }

    public EvidenceFile get(UUID evidenceId, Actor actor) {
        EvidenceFile file = files.find(evidenceId).orElseThrow(() -> CandorException.notFound("evidence", evidenceId));
        partiesOf(file, actor);
        return file;
    }

    public Content content(UUID evidenceId, Actor actor) {
        EvidenceFile file = files.find(evidenceId).orElseThrow(() -> CandorException.notFound("evidence", evidenceId));
        CaseParties parties = partiesOf(file, actor);
        boolean original = actor.isPlatformStaff() || actor.isBuyer(parties.buyerId());
        if (!original) {
            return new Content(open(AddEvidence.COPIES, file.copySha256()), file.copyType(), file.copySizeBytes(),
                    file.copyDownloadName(), false);
        }
        if (actor.isPlatformStaff()) {
            transactions.executeWithoutResult(status -> audit.append(actor, "evidence.original-downloaded", "evidence",
                    file.id().toString(), Map.of("caseId", file.caseId().toString(), "sha256", file.sha256())));
        }
        return new Content(open(AddEvidence.ORIGINALS, file.sha256()), file.type(), file.sizeBytes(),
                file.originalDownloadName(), true);
    }

    /** A file of a case the actor may not see does not exist for them, like the case itself. */
    private CaseParties partiesOf(EvidenceFile file, Actor actor) {
        try {
            return cases.partiesVisibleTo(file.caseId(), actor);
        } catch (CandorException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw CandorException.notFound("evidence", file.id());
            }
            throw e;
        }
    }

    private InputStream open(String area, String sha256) {
        try {
            return blobs.open(area, sha256)
                    .orElseThrow(() -> new IllegalStateException("evidence blob " + sha256 + " is missing from " + area));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
