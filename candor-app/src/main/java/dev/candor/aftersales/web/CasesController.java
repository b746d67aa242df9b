package dev.candor.aftersales.web;

import dev.candor.aftersales.CaseDecisions;
import dev.candor.aftersales.application.ActOnCase;
import dev.candor.aftersales.application.FindCases;
import dev.candor.aftersales.application.OpenCase;
import dev.candor.aftersales.infrastructure.CategoryStandards;
import dev.candor.aftersales.model.AfterSalesCase;
import dev.candor.aftersales.model.CaseCommand;
import dev.candor.aftersales.model.CaseReason;
import dev.candor.aftersales.model.CaseState;
import dev.candor.aftersales.model.CaseType;
import dev.candor.aftersales.model.InspectionFailure;
import dev.candor.aftersales.model.JudgmentOutcome;
import dev.candor.aftersales.web.CaseResponses.CaseSummary;
import dev.candor.aftersales.web.CaseResponses.CaseView;
import dev.candor.aftersales.web.CaseResponses.PageView;
import dev.candor.aftersales.web.CaseResponses.StandardView;
import dev.candor.shared.security.Actor;
import dev.candor.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** After-sales cases: filing a request and every step of its lifecycle. */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "After-sales cases")
class CasesController {

    private final OpenCase openCase;
    private final ActOnCase actOnCase;
    private final FindCases findCases;
    private final CategoryStandards standards;
    private final MessageSource messages;
    private final Clock clock;

    CasesController(OpenCase openCase, ActOnCase actOnCase, FindCases findCases, CategoryStandards standards,
                    MessageSource messages, Clock clock) {
        this.openCase = openCase;
        this.actOnCase = actOnCase;
        this.findCases = findCases;
        this.standards = standards;
        this.messages = messages;
        this.clock = clock;
    }

    record OpenCaseRequest(@NotBlank String orderId, @NotNull CaseType type, @NotNull CaseReason reason,
                           @Size(max = 2000) String description, @NotNull @Positive Long requestedCents) {
    }

    record OpenCasesRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid OpenCaseRequest> requests) {
    }

    /**
     * One request of a batch, in the batch's order: {@code status} 201 with the case and its decision, or the
     * status and problem a single request would have had.
     */
    record FiledView(int index, int status, CaseSummary afterSalesCase, CaseDecisions.Summary decision, ProblemDetail problem) {
    }

    record BatchView(int opened, int refused, List<FiledView> results) {
    }

    record Note(@Size(max = 2000) String reason, List<UUID> evidenceIds) {
    }

    record RequiredReason(@NotBlank @Size(max = 2000) String reason, List<UUID> evidenceIds) {
    }

    record Offer(@NotNull @Positive Long amountCents, @Size(max = 2000) String note, List<UUID> evidenceIds) {
    }

    record Shipment(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    /** {@code result}: PASSED, or what failed (RETURN_SWAP, WRONG_ITEM_RETURNED, EMPTY_PARCEL). */
    record InspectionRequest(@NotBlank String result, @Size(max = 2000) String note, List<UUID> evidenceIds) {
    }

    record JudgmentRequest(@NotNull JudgmentOutcome outcome, @PositiveOrZero Long amountCents, @NotBlank @Size(max = 500) String rule,
                           @NotBlank @Size(max = 4000) String reasoning, List<UUID> evidenceIds) {
    }

    record RefundConfirmation(@NotNull @Positive Long amountCents, @Size(max = 200) String reference) {
    }

    /** {@code decision}: UPHOLD, or OVERTURN with the new judgment's outcome, amount and rule. */
    record AppealDecision(@NotNull Decision decision, JudgmentOutcome outcome, @PositiveOrZero Long amountCents, @Size(max = 500) String rule,
                          @NotBlank @Size(max = 4000) String reasoning, List<UUID> evidenceIds) {
        enum Decision { UPHOLD, OVERTURN }
    }

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an after-sales request on an order (buyer, or the order system for the buyer)")
    CaseView open(Actor actor, @Valid @RequestBody OpenCaseRequest request) {
        AfterSalesCase opened = openCase.open(actor, new OpenCase.Request(request.orderId(), request.type(), request.reason(),
                request.description(), request.requestedCents()));
        return view(opened.id(), actor);
    }

    @PostMapping("/cases/batch")
    @Operation(summary = "File up to 100 after-sales requests at once (the order system); each is decided and answered on its own")
    BatchView openAll(Actor actor, @Valid @RequestBody OpenCasesRequest batch) {
        List<OpenCase.Filed> filed = openCase.openAll(actor, batch.requests().stream()
                .map(r -> new OpenCase.Request(r.orderId(), r.type(), r.reason(), r.description(), r.requestedCents())).toList());
        var now = clock.instant();
        List<FiledView> results = IntStream.range(0, filed.size()).mapToObj(i -> switch (filed.get(i)) {
            case OpenCase.Filed.Opened o -> new FiledView(i, HttpStatus.CREATED.value(), CaseResponses.summary(o.afterSalesCase(), now),
                    o.decision().orElse(null), null);
            case OpenCase.Filed.Refused r -> new FiledView(i, r.refusal().code().status().value(), null, null,
                    Problems.of(messages, r.refusal().code(), r.refusal().getMessage(), r.refusal().properties()));
        }).toList();
        int opened = (int) results.stream().filter(r -> r.problem() == null).count();
        return new BatchView(opened, results.size() - opened, results);
    }

    @GetMapping("/cases")
    @Operation(summary = "List the cases you may see, newest first")
    PageView<CaseSummary> list(Actor actor, @RequestParam(required = false) String storeId,
                               @RequestParam(required = false) CaseState state,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        FindCases.Page found = findCases.list(actor, storeId, state, page, size);
        var now = clock.instant();
        return new PageView<>(found.items().stream().map(c -> CaseResponses.summary(c, now)).toList(), page, size, found.total());
    }

    @GetMapping("/cases/{caseId}")
    @Operation(summary = "A case with its timeline, running time limit and the actions you may take now")
    CaseView get(Actor actor, @PathVariable UUID caseId) {
        return view(caseId, actor);
    }

    @GetMapping("/review-queue")
    @Operation(summary = "Escalated cases and appeals waiting for the platform, most overdue first (reviewers)")
    PageView<CaseSummary> reviewQueue(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        FindCases.Page found = findCases.reviewQueue(actor, page, size);
        var now = clock.instant();
        return new PageView<>(found.items().stream().map(c -> CaseResponses.summary(c, now)).toList(), page, size, found.total());
    }

    @GetMapping("/category-standards")
    @Operation(summary = "The after-sales standard of every configured category (time limits, reporting windows, non-quality scenarios)")
    List<StandardView> categoryStandards() {
        return standards.all().stream().map(s -> new StandardView(s.category(),
                s.timeLimits().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)),
                s.complaintWindow(), s.qualityReportWindow().orElse(null), s.nonQualityScenarios())).toList();
    }

    @PostMapping("/cases/{caseId}/agree")
    @Operation(summary = "Merchant agrees: refund-only goes to refund, a return request waits for the buyer's return")
    CaseView agree(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody(required = false) Note body) {
        return act(actor, caseId, new CaseCommand.Agree(), body == null ? null : body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/refuse")
    @Operation(summary = "Merchant refuses, with a reason; the buyer may escalate")
    CaseView refuse(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody RequiredReason body) {
        return act(actor, caseId, new CaseCommand.Refuse(body.reason()), body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/offer")
    @Operation(summary = "Merchant offers a partial refund the buyer may accept")
    CaseView offer(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody Offer body) {
        return act(actor, caseId, new CaseCommand.OfferPartialRefund(body.amountCents(), body.note()), body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/offer/accept")
    @Operation(summary = "Buyer accepts the partial refund")
    CaseView acceptOffer(Actor actor, @PathVariable UUID caseId) {
        return act(actor, caseId, new CaseCommand.AcceptOffer(), null);
    }

    @PostMapping("/cases/{caseId}/offer/decline")
    @Operation(summary = "Buyer declines the partial refund; the buyer may then escalate")
    CaseView declineOffer(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody(required = false) Note body) {
        return act(actor, caseId, new CaseCommand.DeclineOffer(body == null ? null : body.reason()), null);
    }

    @PostMapping("/cases/{caseId}/escalate")
    @Operation(summary = "Buyer asks the platform to arbitrate a refusal")
    CaseView escalate(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody(required = false) Note body) {
        return act(actor, caseId, new CaseCommand.Escalate(body == null ? null : body.reason()), body == null ? null : body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/return-shipment")
    @Operation(summary = "Buyer ships the item back")
    CaseView shipReturn(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody Shipment body) {
        return act(actor, caseId, new CaseCommand.ShipReturn(body.carrier(), body.trackingNumber()), null);
    }

    @PostMapping("/cases/{caseId}/return-receipt")
    @Operation(summary = "Merchant confirms the return arrived")
    CaseView confirmReturnReceived(Actor actor, @PathVariable UUID caseId) {
        return act(actor, caseId, new CaseCommand.ConfirmReturnReceived(), null);
    }

    @PostMapping("/cases/{caseId}/inspection")
    @Operation(summary = "Merchant inspects the returned item: PASSED, or RETURN_SWAP / WRONG_ITEM_RETURNED / EMPTY_PARCEL (goes to the platform)")
    CaseView inspect(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody InspectionRequest body) {
        CaseCommand command = "PASSED".equals(body.result())
                ? new CaseCommand.PassInspection(body.note())
                : new CaseCommand.FailInspection(parseFailure(body.result()), body.note());
        return act(actor, caseId, command, body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/replacement-shipment")
    @Operation(summary = "Merchant ships the replacement of an exchange")
    CaseView shipReplacement(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody Shipment body) {
        return act(actor, caseId, new CaseCommand.ShipReplacement(body.carrier(), body.trackingNumber()), null);
    }

    @PostMapping("/cases/{caseId}/judgment")
    @Operation(summary = "Platform judges an escalated case, citing a rule and evidence")
    CaseView judge(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody JudgmentRequest body) {
        return act(actor, caseId, new CaseCommand.Judge(body.outcome(), orZero(body.amountCents()), body.rule(), body.reasoning()),
                body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/enforcement")
    @Operation(summary = "Platform enforces the judgment now (otherwise Candor does when the enforcement time limit runs out)")
    CaseView enforce(Actor actor, @PathVariable UUID caseId) {
        return act(actor, caseId, new CaseCommand.Enforce(), null);
    }

    @PostMapping("/cases/{caseId}/refund-confirmation")
    @Operation(summary = "The order system confirms it executed the refund")
    CaseView confirmRefund(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody RefundConfirmation body) {
        return act(actor, caseId, new CaseCommand.ConfirmRefund(body.amountCents(), body.reference()), null);
    }

    @PostMapping("/cases/{caseId}/appeal")
    @Operation(summary = "Buyer or merchant appeals the judgment within the appeal window")
    CaseView appeal(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody RequiredReason body) {
        return act(actor, caseId, new CaseCommand.Appeal(body.reason()), body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/appeal-decision")
    @Operation(summary = "Platform decides an appeal: UPHOLD closes the case, OVERTURN replaces the judgment")
    CaseView decideAppeal(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody AppealDecision body) {
        CaseCommand command = switch (body.decision()) {
            case UPHOLD -> new CaseCommand.UpholdJudgment(body.reasoning());
            case OVERTURN -> new CaseCommand.OverturnJudgment(body.outcome(), orZero(body.amountCents()), body.rule(), body.reasoning());
        };
        return act(actor, caseId, command, body.evidenceIds());
    }

    @PostMapping("/cases/{caseId}/cancel")
    @Operation(summary = "Buyer cancels the request at any open step before the item is on its way back")
    CaseView cancel(Actor actor, @PathVariable UUID caseId, @Valid @RequestBody(required = false) Note body) {
        return act(actor, caseId, new CaseCommand.Cancel(body == null ? null : body.reason()), null);
    }

    private CaseView act(Actor actor, UUID caseId, CaseCommand command, List<UUID> evidenceIds) {
        actOnCase.act(caseId, actor, command, evidenceIds == null ? List.of() : evidenceIds);
        return view(caseId, actor);
    }

    private CaseView view(UUID caseId, Actor actor) {
        return CaseResponses.view(findCases.details(caseId, actor), clock.instant());
    }

    private static long orZero(Long amount) {
        return amount == null ? 0 : amount;
    }

    private static InspectionFailure parseFailure(String result) {
        try {
            return InspectionFailure.valueOf(result);
        } catch (IllegalArgumentException e) {
            throw dev.candor.shared.error.CandorException.invalid(
                    "result must be PASSED, RETURN_SWAP, WRONG_ITEM_RETURNED or EMPTY_PARCEL, not " + result);
        }
    }
}
