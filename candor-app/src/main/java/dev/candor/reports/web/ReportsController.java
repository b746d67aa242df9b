package dev.candor.reports.web;

import dev.candor.integrity.ViolationType;
import dev.candor.reports.application.AssessComplainants;
import dev.candor.reports.application.DecideReport;
import dev.candor.reports.application.FileReport;
import dev.candor.reports.application.FindReports;
import dev.candor.reports.model.ReportSource;
import dev.candor.reports.model.ReportStatus;
import dev.candor.reports.web.ReportViews.ComplainantView;
import dev.candor.reports.web.ReportViews.PageView;
import dev.candor.reports.web.ReportViews.ReportView;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Abuse reports, their review queue and decisions, and each store's standing as a complainant. */
@RestController
@RequestMapping("/api/v1/integrity")
@Validated
@Tag(name = "Abuse reports")
class ReportsController {

    private final FileReport fileReport;
    private final DecideReport decideReport;
    private final FindReports findReports;
    private final AssessComplainants complainants;

    ReportsController(FileReport fileReport, DecideReport decideReport, FindReports findReports, AssessComplainants complainants) {
        this.fileReport = fileReport;
        this.decideReport = decideReport;
        this.findReports = findReports;
        this.complainants = complainants;
    }

    /**
     * {@code source}: REPORT (merchants), JUDGMENT (reviewers, confirmed at once; needs caseId, evidenceIds
     * and rule), DETECTION (the order system); absent means the caller's own kind.
     */
    record FileReportRequest(@NotNull ViolationType type, ReportSource source, UUID caseId, @Size(min = 1, max = 128) String orderId,
                             @NotBlank @Size(max = 4000) String description, @Size(max = 50) List<@NotNull UUID> evidenceIds,
                             @Size(max = 500) String rule) {
    }

    record ConfirmationRequest(@NotBlank @Size(max = 500) String rule, @NotBlank @Size(max = 4000) String reasoning,
                               @Size(max = 50) List<@NotNull UUID> evidenceIds) {
    }

    record RejectionRequest(@NotBlank @Size(max = 500) String rule, @NotBlank @Size(max = 4000) String reasoning) {
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an abuse report from a case or an order (merchants of its store, reviewers from a judgment, the order system's detections)")
    ReportView file(Actor actor, @Valid @RequestBody FileReportRequest request) {
        var filed = fileReport.file(actor, new FileReport.Request(request.type(), request.source(), request.caseId(),
                request.orderId(), request.description(), request.evidenceIds(), request.rule()));
        return ReportViews.of(findReports.describe(actor, filed));
    }

    @GetMapping("/reports")
    @Operation(summary = "Reports you may see, newest first (merchants: those their stores filed; staff: all)")
    PageView<ReportView> list(Actor actor, @RequestParam(required = false) ReportStatus status,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return ReportViews.page(findReports.list(actor, status, page, size));
    }

    @GetMapping("/reports/{reportId}")
    @Operation(summary = "One report with its evidence, forensic findings, the reporter's complainant standing and its decision")
    ReportView get(Actor actor, @PathVariable UUID reportId) {
        return ReportViews.of(findReports.get(actor, reportId));
    }

    @GetMapping("/report-queue")
    @Operation(summary = "Pending reports for review: overdue first, then by the reporter's complainant tier, then due time (reviewers)")
    PageView<ReportView> queue(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return ReportViews.page(findReports.queue(actor, page, size));
    }

    @PostMapping("/reports/{reportId}/confirmation")
    @Operation(summary = "Confirm a pending report, citing a rule: records the ledger entry (reviewers)")
    ReportView confirm(Actor actor, @PathVariable UUID reportId, @Valid @RequestBody ConfirmationRequest request) {
        var confirmed = decideReport.confirm(actor, reportId, request.rule(), request.reasoning(),
                request.evidenceIds() == null ? List.of() : request.evidenceIds());
        return ReportViews.of(findReports.describe(actor, confirmed));
    }

    @PostMapping("/reports/{reportId}/rejection")
    @Operation(summary = "Reject a pending report, citing a rule (reviewers)")
    ReportView reject(Actor actor, @PathVariable UUID reportId, @Valid @RequestBody RejectionRequest request) {
        var rejected = decideReport.reject(actor, reportId, request.rule(), request.reasoning());
        return ReportViews.of(findReports.describe(actor, rejected));
    }

    @GetMapping("/complainants/{storeId}")
    @Operation(summary = "A store's standing as a complainant: tier, accuracy and counts over the rolling window (its merchants, staff)")
    ComplainantView complainant(Actor actor, @PathVariable String storeId) {
        return ReportViews.complainant(complainants.assess(actor, storeId));
    }
}
