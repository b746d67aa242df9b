package dev.candor.risk.web;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.risk.application.FlagEvidencePhoto;
import dev.candor.risk.application.SummarizeReturnRisk;
import dev.candor.risk.model.FlagFinding;
import dev.candor.risk.model.FlagKind;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's one-click actions on an open request: flag an evidence photo, and the buyer's return-risk summary. */
@RestController
@Validated
@Tag(name = "Risk decisions")
class MerchantActionsController {

    private final FlagEvidencePhoto flags;
    private final SummarizeReturnRisk summaries;

    MerchantActionsController(FlagEvidencePhoto flags, SummarizeReturnRisk summaries) {
        this.flags = flags;
        this.summaries = summaries;
    }

    /** What the merchant flags the photo as. */
    record FlagRequest(@NotNull FlagKind kind) {
    }

    /**
     * A flag as the merchant sees it.
     *
     * @param findings the findings that confirmed it, empty when the checks did not
     * @param reportId the DETECTION report a confirmed flag filed for a reviewer
     * @param decision the case's latest decision
     */
    record FlagView(UUID caseId, UUID evidenceId, FlagKind kind, boolean confirmed, String verdict, List<FlagFinding> findings,
                    FlagEvidencePhoto.Text explanation, UUID reportId, String flaggedBy, Instant flaggedAt,
                    CaseDecisions.Summary decision) {
    }

    @PostMapping("/api/v1/cases/{caseId}/evidence/{evidenceId}/flags")
    @Operation(summary = "Flag an evidence photo as AI-generated, AI-processed, photoshopped or a web image (the store's merchant)",
            description = """
                    Scans the photo now. Only findings of the flag's kind graded CONCLUSIVE or STRONG confirm it (a web image: \
                    a copy of a listing photo). A confirmed flag sends the request to a person (a decision of stage \
                    MERCHANT_FLAG, on the timeline and in the case.decision-made webhook) and files a DETECTION abuse report \
                    for a reviewer; nothing is recorded against the buyer until a reviewer confirms it. A flag the checks do \
                    not confirm is kept on the timeline and changes nothing. Open cases only. One flag per case, photo and \
                    kind: 201 when made, 200 with the first result when made before.""")
    ResponseEntity<FlagView> flag(Actor actor, @PathVariable UUID caseId, @PathVariable UUID evidenceId,
                                  @Valid @RequestBody FlagRequest body) {
        FlagEvidencePhoto.Flagged flagged = flags.flag(actor, caseId, evidenceId, body.kind());
        var f = flagged.flag();
        return ResponseEntity.status(flagged.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new FlagView(f.caseId(), f.evidenceId(), f.kind(), f.confirmed(), f.verdict(), f.findings(), flagged.explanation(),
                        f.reportId(), f.flaggedBy(), f.flaggedAt(), flagged.decision()));
    }

    @GetMapping("/api/v1/cases/{caseId}/risk-summary")
    @Operation(summary = "The buyer's return-risk summary (the store's merchant, platform staff, the order system)",
            description = """
                    The buyer masked; the request history over 30, 90 and 365 days (count, amount, refund-only share, early \
                    claims, share judged abusive) and the number of linked accounts as the decision on this request read \
                    them; the restrictions in force now; the latest decision with its reasons. No other buyer is named.""")
    SummarizeReturnRisk.Summary summary(Actor actor, @PathVariable UUID caseId) {
        return summaries.summary(actor, caseId);
    }
}
