package dev.candor.evidence.web;

import dev.candor.evidence.application.AddEvidence;
import dev.candor.evidence.application.ReadEvidence;
import dev.candor.evidence.model.EvidenceFile;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files on cases: upload, list, describe, download. */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Evidence")
class EvidenceController {

    /** Says which bytes a download carries: {@code original} or {@code metadata-free}. */
    static final String COPY_HEADER = "X-Candor-Evidence-Copy";

    private final AddEvidence addEvidence;
    private final ReadEvidence readEvidence;

    EvidenceController(AddEvidence addEvidence, ReadEvidence readEvidence) {
        this.addEvidence = addEvidence;
        this.readEvidence = readEvidence;
    }

    record Uploader(String id, String kind) {
    }

    /** An evidence file's record; {@code duplicate} only on upload (true: the case already had these bytes). */
    record EvidenceView(UUID id, UUID caseId, String kind, String mediaType, long sizeBytes, String sha256, Integer width,
                        Integer height, String originalFileName, String description, Uploader uploadedBy, Instant uploadedAt,
                        Boolean duplicate) {
    }

    record PageView(List<EvidenceView> items, int page, int size, long total) {
    }

    @PostMapping(path = "/cases/{caseId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo, short video or chat export to an open case (its parties only)",
            description = "Photos JPEG/PNG/WebP up to 25 MB and 50 megapixels, videos MP4/MOV up to 100 MB, chat exports "
                    + "PDF/UTF-8 text/JSON up to 10 MB, recognized from the bytes. 201 for a new file; 200 with "
                    + "duplicate=true when the case already holds the same bytes.")
    ResponseEntity<EvidenceView> upload(Actor actor, @PathVariable UUID caseId, @RequestPart("file") MultipartFile file,
                                        @RequestParam(required = false) @Size(max = 2000) String description) {
        AddEvidence.Added added = addEvidence.add(caseId, actor,
                new AddEvidence.Upload(file, file.getContentType(), file.getOriginalFilename(), description));
        return ResponseEntity.status(added.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/evidence/" + added.file().id()))
                .body(view(added.file(), added.duplicate()));
    }

    @GetMapping("/cases/{caseId}/evidence")
    @Operation(summary = "The evidence files of a case, in upload order")
    PageView list(Actor actor, @PathVariable UUID caseId,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        ReadEvidence.Page found = readEvidence.list(caseId, actor, page, size);
        return new PageView(found.items().stream().map(f -> view(f, null)).toList(), page, size, found.total());
    }

    @GetMapping("/evidence/{evidenceId}")
    @Operation(summary = "An evidence file's record")
    EvidenceView get(Actor actor, @PathVariable UUID evidenceId) {
        return view(readEvidence.get(evidenceId, actor), null);
    }

    @GetMapping("/evidence/{evidenceId}/content")
    @Operation(summary = "Download an evidence file",
            description = "Platform staff and the case's buyer get the original (staff downloads are audited); merchants "
                    + "and the order system get a copy without metadata: photos re-encoded (no EXIF, GPS, XMP or text "
                    + "chunks), videos with metadata boxes blanked. The X-Candor-Evidence-Copy header says which.")
    ResponseEntity<Resource> content(Actor actor, @PathVariable UUID evidenceId) {
        ReadEvidence.Content content = readEvidence.content(evidenceId, actor);
        MediaType type = MediaType.parseMediaType(content.type().mediaType());
        if (type.getType().equals("text") || type.getSubtype().equals("json")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(content.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(COPY_HEADER, content.original() ? "original" : "metadata-free")
                .body(new InputStreamResource(content.bytes()));
    }

    private static EvidenceView view(EvidenceFile f, Boolean duplicate) {
        return new EvidenceView(f.id(), f.caseId(), f.kind().name(), f.type().mediaType(), f.sizeBytes(), f.sha256(),
                f.size() == null ? null : f.size().width(), f.size() == null ? null : f.size().height(),
                f.originalFileName(), f.description(), new Uploader(f.uploaderId(), f.uploaderKind().name()), f.uploadedAt(),
                duplicate);
    }
}
