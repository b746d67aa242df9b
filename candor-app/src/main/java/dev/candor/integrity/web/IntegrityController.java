package dev.candor.integrity.web;

import dev.candor.integrity.IntegrityLedger.EntryDraft;
import dev.candor.integrity.IntegrityLedger.EntryRecorded;
import dev.candor.integrity.IntegrityLedger.Source;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.integrity.application.DecideAppeal;
import dev.candor.integrity.application.FileAppeal;
import dev.candor.integrity.application.IntegrityViews.AppealView;
import dev.candor.integrity.application.IntegrityViews.BuyerRecord;
import dev.candor.integrity.application.IntegrityViews.EntryDetail;
import dev.candor.integrity.application.IntegrityViews.Page;
import dev.candor.integrity.application.IntegrityViews.Standing;
import dev.candor.integrity.application.IntegrityViews.StoreRecord;
import dev.candor.integrity.application.ReadRecords;
import dev.candor.integrity.application.ReadStanding;
import dev.candor.integrity.application.RecordEntry;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.model.Appeal;
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
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The integrity ledger: standing, records, staff findings, appeals, orders judged abusive, the current policy. */
@RestController
@RequestMapping("/api/v1/integrity")
@Validated
@Tag(name = "Integrity ledger", description = "Confirmed entries, restrictions, the standing query and appeals")
class IntegrityController {

    private final ReadStanding standing;
    private final ReadRecords records;
    private final RecordEntry recordEntry;
    private final FileAppeal fileAppeal;
    private final DecideAppeal decideAppeal;

    IntegrityController(ReadStanding standing, ReadRecords records, RecordEntry recordEntry, FileAppeal fileAppeal,
                        DecideAppeal decideAppeal) {
        this.standing = standing;
        this.records = records;
        this.recordEntry = recordEntry;
        this.fileAppeal = fileAppeal;
        this.decideAppeal = decideAppeal;
    }

    /**
     * A reviewer's own confirmed finding. {@code storeId}: for a buyer, the store where it happened (its
     * points count towards that store's restrictions); for a merchant, omitted or equal to {@code subjectId}.
     * {@code findingKey} makes a retry record nothing new.
     */
    record FindingRequest(@NotNull SubjectType subjectType, @NotBlank @Size(max = 128) String subjectId, @Size(max = 128) String storeId,
                          @Size(max = 128) String orderId, UUID caseId, @NotNull ViolationType type,
                          @NotBlank @Size(max = 500) String rule, @Size(max = 4000) String reasoning,
                          @Size(max = 50) List<@NotNull UUID> evidenceIds, @Size(max = 128) String findingKey) {
    }

    /** Name exactly one of {@code entryId} and {@code restrictionId} (a restriction appeals the entries behind it). */
    record AppealRequest(UUID entryId, UUID restrictionId, @NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Appeal.Decision decision, @NotBlank @Size(max = 4000) String reason) {
    }

    @GetMapping("/standing")
    @Operation(summary = "What the buyer may do at the store now, and why",
            description = """
                    Allowed actions (AFTER_SALES, REFUND_ONLY, PURCHASE, PLATFORM_INTERVENTION, ORDERING: ALLOWED, LIMITED or \
                    DENIED) and, for each refusal or limit, the restrictions in force with the entries behind them, the reason \
                    in English and Chinese and how to appeal. The buyer sees their own; staff and the order system any; a \
                    merchant, at its own store only, a masked standing: restriction kinds and end times.""")
    Standing standing(Actor actor, @RequestParam @NotBlank @Size(max = 128) String buyerId,
                      @RequestParam @NotBlank @Size(max = 128) String storeId) {
        return standing.standing(actor, buyerId, storeId);
    }

    @GetMapping("/buyers/{buyerId}/record")
    @Operation(summary = "A buyer's record: entries with status, restrictions in force, active points (the buyer, staff, the order system)")
    BuyerRecord buyerRecord(Actor actor, @PathVariable String buyerId, @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return records.buyer(actor, buyerId, page, size);
    }

    @GetMapping("/stores/{storeId}/record")
    @Operation(summary = "A store's merchant-side record: entries, restrictions, its step on the ladder (its merchant, staff, the order system)")
    StoreRecord storeRecord(Actor actor, @PathVariable String storeId, @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return records.store(actor, storeId, page, size);
    }

    @GetMapping("/stores/{storeId}/excluded-orders")
    @Operation(summary = "Orders judged abusive (the store's active or upheld buyer entries): left out of its return and dispute rates")
    Page<String> excludedOrders(Actor actor, @PathVariable String storeId, @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return records.excludedOrders(actor, storeId, page, size);
    }

    @PostMapping("/entries")
    @Operation(summary = "Record a reviewer's confirmed finding, such as forged evidence or flawed fulfilment by a merchant (reviewers, admins)",
            description = "201 with the entry; 200 with duplicate=true when the findingKey was recorded before.")
    ResponseEntity<EntryRecorded> record(Actor actor, @Valid @RequestBody FindingRequest body) {
        String storeId = body.storeId() != null ? body.storeId()
                : body.subjectType() == SubjectType.MERCHANT ? body.subjectId() : null;
        String key = "finding:" + (body.findingKey() != null ? body.findingKey() : UUID.randomUUID().toString());
        EntryRecorded recorded = recordEntry.record(new EntryDraft(body.subjectType(), body.subjectId(), storeId, body.orderId(),
                body.caseId(), body.type(), body.caseId() != null ? Source.JUDGMENT : Source.REVIEW, key,
                body.evidenceIds() == null ? List.of() : body.evidenceIds(), body.rule(), body.reasoning()), actor);
        return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
    }

    @GetMapping("/entries/{entryId}")
    @Operation(summary = "One entry with its append-only status history (its subject, staff, the order system)")
    EntryDetail entry(Actor actor, @PathVariable UUID entryId) {
        return records.entry(actor, entryId);
    }

    @GetMapping("/policy")
    @Operation(summary = "The penalty policy in force: points, decay, appeal window, thresholds, the merchant ladder, each with its basis")
    PenaltyPolicies.Version currentPolicy() {
        return records.currentPolicy();
    }

    @PostMapping("/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appeal an entry or a restriction within the appeal window (the buyer for their own, a merchant for its store's)")
    AppealView appeal(Actor actor, @Valid @RequestBody AppealRequest body) {
        Appeal filed = fileAppeal.file(actor, body.entryId(), body.restrictionId(), body.reason());
        return records.appeal(actor, filed.id());
    }

    @GetMapping("/appeals/queue")
    @Operation(summary = "Undecided appeals, overdue first (reviewers, admins)")
    Page<AppealView> queue(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return records.queue(actor, page, size);
    }

    @GetMapping("/appeals/{appealId}")
    @Operation(summary = "An appeal and its decision (the appellant's side, staff, the order system)")
    AppealView appeal(Actor actor, @PathVariable UUID appealId) {
        return records.appeal(actor, appealId);
    }

    @PostMapping("/appeals/{appealId}/decision")
    @Operation(summary = "Decide an appeal: UPHOLD, or REVOKE (lifts the restrictions that depended on the entries at once)")
    AppealView decide(Actor actor, @PathVariable UUID appealId, @Valid @RequestBody DecisionRequest body) {
        decideAppeal.decide(actor, appealId, body.decision(), body.reason());
        return records.appeal(actor, appealId);
    }
}
