package dev.candor.evidence.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.evidence.EvidencePhotos;
import dev.candor.evidence.infrastructure.EvidenceFiles;
import dev.candor.evidence.model.EvidenceCheck;
import dev.candor.evidence.model.EvidenceFile;
import dev.candor.evidence.model.Inspection;
import dev.candor.evidence.model.Rejection;
import dev.candor.shared.Sha256;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.shared.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Attaches an uploaded file to an open case: the case's parties only (its buyer, a merchant of its store,
 * platform staff, the order system on the buyer's behalf), after every check on the bytes, with the
 * original and its copy without metadata stored before the record, and a timeline and audit entry in the
 * record's transaction. The same bytes uploaded to the same case again return the first record.
 */
@Service
public class AddEvidence {

    public static final String ORIGINALS = EvidencePhotos.ORIGINALS_AREA;
    public static final String COPIES = "evidence-copies";
    private static final int MAX_FILE_NAME = 255;

    private final AfterSalesCases cases;
    private final EvidenceFiles files;
    private final EvidenceCheck check;
    private final MetadataFreeCopies copies;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final Clock clock;

    AddEvidence(AfterSalesCases cases, EvidenceFiles files, EvidenceCheck check, MetadataFreeCopies copies, BlobStore blobs,
                AuditLog audit, TransactionOperations transactions, Clock clock) {
        this.cases = cases;
        this.files = files;
        this.check = check;
        this.copies = copies;
        this.blobs = blobs;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * An upload as received. The bytes are read only once the actor is known to be a party of an open case.
     *
     * @param declaredType the part's Content-Type; may be {@code null}
     * @param fileName the part's file name as the client sent it; may be {@code null}
     */
    public record Upload(InputStreamSource content, String declaredType, String fileName, String description) {
    }

    /** The evidence record, and whether it already existed (the same bytes were uploaded to the case before). */
    public record Added(EvidenceFile file, boolean duplicate) {
    }

    public Added add(UUID caseId, Actor actor, Upload upload) {
        actor.require(ActorKind.BUYER, ActorKind.MERCHANT, ActorKind.REVIEWER, ActorKind.ADMIN, ActorKind.INTEGRATION);
        requireOpen(cases.partiesVisibleTo(caseId, actor));
        byte[] bytes = read(upload.content());
        Inspection.Accepted accepted = switch (check.inspect(bytes, upload.declaredType())) {
            case Rejection rejection -> throw refusal(rejection);
            case Inspection.Accepted a -> a;
        };
        String sha256 = Sha256.hex(bytes);
        Optional<EvidenceFile> existing = files.findInCase(caseId, sha256);
        if (existing.isPresent()) {
            return new Added(existing.get(), true);
        }
        byte[] copy = copies.copyOf(accepted.type(), bytes);
        String copySha256 = store(COPIES, copy);
        store(ORIGINALS, bytes);
        EvidenceFile file = new EvidenceFile(UUID.randomUUID(), caseId, actor.id(), actor.kind(), accepted.type(),
                bytes.length, sha256, accepted.size(), fileName(upload.fileName()), blankToNull(upload.description()),
                clock.instant().truncatedTo(ChronoUnit.MICROS), accepted.type().copyType(), copySha256, copy.length);
        return transactions.execute(status -> record(file, actor));
    }

    private Added record(EvidenceFile file, Actor actor) {
        requireOpen(cases.partiesVisibleTo(file.caseId(), actor));
        if (!files.insertIfNew(file)) {
            return new Added(files.findInCase(file.caseId(), file.sha256()).orElseThrow(), true);
        }
        cases.recordEvidenceAdded(file.caseId(), actor, file.id(), file.kind().name());
        Map<String, Object> detail = new TreeMap<>(Map.of("caseId", file.caseId().toString(), "kind", file.kind().name(),
                "mediaType", file.type().mediaType(), "sizeBytes", file.sizeBytes(), "sha256", file.sha256(),
                "copySha256", file.copySha256()));
        audit.append(actor, "evidence.added", "evidence", file.id().toString(), detail);
        return new Added(file, false);
    }

    private static void requireOpen(CaseParties parties) {
        if (!parties.open()) {
            throw new CandorException(ErrorCode.EVIDENCE_CASE_CLOSED,
                    "case " + parties.caseId() + " is closed; evidence can only be added while a case is open",
                    Map.of("caseId", parties.caseId().toString()));
        }
    }

    private static byte[] read(InputStreamSource content) {
        try (InputStream in = content.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed", e);
        }
    }

    private String store(String area, byte[] bytes) {
        try {
            return blobs.put(area, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("storing evidence in " + area + " failed", e);
        }
    }

    static CandorException refusal(Rejection rejection) {
        ErrorCode code = switch (rejection.reason()) {
            case TYPE_NOT_ALLOWED -> ErrorCode.EVIDENCE_TYPE_NOT_ALLOWED;
            case HEIC_NOT_ALLOWED -> ErrorCode.EVIDENCE_HEIC_NOT_ALLOWED;
            case TYPE_MISMATCH -> ErrorCode.EVIDENCE_TYPE_MISMATCH;
            case TOO_LARGE -> ErrorCode.EVIDENCE_TOO_LARGE;
            case TOO_MANY_PIXELS -> ErrorCode.EVIDENCE_TOO_MANY_PIXELS;
            case UNREADABLE -> ErrorCode.EVIDENCE_UNREADABLE;
        };
        return new CandorException(code, rejection.detail(), rejection.facts());
    }

    /** The last path segment of the client's name, without control characters, at most 255 characters. */
    static String fileName(String submitted) {
        if (submitted == null) {
            return null;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1)
                .codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
