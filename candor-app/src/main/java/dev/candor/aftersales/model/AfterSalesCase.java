package dev.candor.aftersales.model;

import dev.candor.aftersales.model.CaseCommand.*;
import dev.candor.aftersales.model.Outcome.Moved;
import dev.candor.aftersales.model.Outcome.Refusal;
import dev.candor.aftersales.model.Outcome.Refused;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An after-sales case: one buyer request about one order, moved only along {@link Lifecycle}'s
 * transitions. {@link #apply} checks the party, the time limit and the action's facts, then moves the
 * case or returns a {@link Refused} value; it never throws for a business refusal. Once a state's time
 * limit has run out, its parties lose their turn to Candor's automatic action; the platform, which
 * decides, may still act.
 */
public final class AfterSalesCase {

    /** The request as the buyer filed it. {@code reportedLate}: a quality claim filed after the category's reporting window. */
    public record Request(CaseType type, CaseReason reason, String description, long requestedCents, String currency,
                          String category, boolean reportedLate) {
    }

    /** The running time limit: when it runs out and what Candor then does ({@code null}: it only surfaces as overdue). */
    public record Deadline(TimeLimit limit, Instant dueAt, Action onExpiry) {
    }

    public record ReturnShipment(String carrier, String trackingNumber) {
    }

    public record Inspection(InspectionFailure failure, String note) {
    }

    public record Appeal(String by, Party party, String reason, Instant at) {
    }

    /** The refund the order system is asked to execute, and its reference once confirmed. */
    public record Refund(long amountCents, String reference) {
    }

    private final UUID id;
    private final String storeId;
    private final String orderId;
    private final String buyerId;
    private final Request request;
    private final Instant createdAt;
    private CaseState state;
    private Instant stateSince;
    private Deadline deadline;
    private Long offerCents;
    private String refusalReason;
    private ReturnShipment returnShipment;
    private Inspection inspection;
    private Judgment judgment;
    private Appeal appeal;
    private Refund refund;

    public AfterSalesCase(UUID id, String storeId, String orderId, String buyerId, Request request, Instant createdAt,
                          CaseState state, Instant stateSince, Deadline deadline, Long offerCents, String refusalReason,
                          ReturnShipment returnShipment, Inspection inspection, Judgment judgment, Appeal appeal, Refund refund) {
        this.id = id;
        this.storeId = storeId;
        this.orderId = orderId;
        this.buyerId = buyerId;
        this.request = request;
        this.createdAt = createdAt;
        this.state = state;
        this.stateSince = stateSince;
        this.deadline = deadline;
        this.offerCents = offerCents;
        this.refusalReason = refusalReason;
        this.returnShipment = returnShipment;
        this.inspection = inspection;
        this.judgment = judgment;
        this.appeal = appeal;
        this.refund = refund;
    }

    /** The facts of the order a case is opened on. {@code deliveredAt} is {@code null} when not delivered. */
    public record OrderFacts(String storeId, String orderId, String buyerId, long orderTotalCents, String currency,
                             String category, Instant deliveredAt) {
    }

    /** Either the new case or why it cannot be opened. */
    public sealed interface Opening {
        record Opened(AfterSalesCase afterSalesCase) implements Opening {
        }

        record NotOpened(Refused refused) implements Opening {
        }
    }

    /**
     * Opens a case in {@link CaseState#REQUESTED}, with the merchant's response time limit running.
     * Refused when the amount is out of range or when the order was received longer ago than the
     * category's complaint window (60 days by default, PRODUCT.md dispute path).
     */
    public static Opening open(UUID id, OrderFacts order, CaseType type, CaseReason reason, String description,
                               long requestedCents, Instant now, CategoryStandard standard) {
        if (requestedCents <= 0 || requestedCents > order.orderTotalCents()) {
            return notOpened(Refusal.INVALID, "the requested amount must be more than 0 and at most the order total "
                    + order.orderTotalCents());
        }
        boolean reportedLate = false;
        if (order.deliveredAt() != null) {
            if (now.isAfter(order.deliveredAt().plus(standard.complaintWindow()))) {
                return notOpened(Refusal.COMPLAINT_WINDOW_CLOSED, "the order was received on " + order.deliveredAt()
                        + "; complaints close " + standard.complaintWindow().toDays() + " days after receipt");
            }
            reportedLate = reason.qualityRelated() && standard.qualityReportWindow()
                    .map(window -> now.isAfter(order.deliveredAt().plus(window))).orElse(false);
        }
        Request request = new Request(type, reason, description, requestedCents, order.currency(), standard.category(), reportedLate);
        AfterSalesCase opened = new AfterSalesCase(id, order.storeId(), order.orderId(), order.buyerId(), request, now,
                CaseState.REQUESTED, now, null, null, null, null, null, null, null, null);
        opened.deadline = deadlineFor(CaseState.REQUESTED, now, standard);
        return new Opening.Opened(opened);
    }

    /**
     * Applies a command from a party at a time, under a category standard. On {@link Moved} the case has
     * changed; on {@link Refused} it has not.
     */
    public Outcome apply(CaseCommand command, Party party, String actorId, Instant now, CategoryStandard standard) {
        Optional<Lifecycle.Transition> found = Lifecycle.find(this, command.action());
        if (found.isEmpty()) {
            return new Refused(Refusal.ILLEGAL_TRANSITION,
                    "a case in state " + state + " cannot take the action " + command.action());
        }
        Lifecycle.Transition transition = found.get();
        if (!transition.parties().contains(party)) {
            return new Refused(Refusal.NOT_YOUR_ACTION, party + " may not take the action " + command.action()
                    + "; it is for " + transition.parties());
        }
        boolean expired = deadline != null && !now.isBefore(deadline.dueAt());
        if (command instanceof CaseCommand.Expire) {
            if (!expired || deadline.onExpiry() != command.action()) {
                return new Refused(Refusal.ILLEGAL_TRANSITION, "no time limit has run out for " + command.action());
            }
        } else if (expired && deadline.onExpiry() != null && party != Party.PLATFORM) {
            return new Refused(Refusal.DEADLINE_PASSED, "the " + deadline.limit() + " time limit ran out at "
                    + deadline.dueAt() + "; Candor now takes the action " + deadline.onExpiry());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        Optional<Refused> invalid = record(command, party, actorId, now, detail);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        CaseState before = state;
        state = transition.to();
        stateSince = now;
        deadline = deadlineFor(state, now, standard);
        if (state == CaseState.REFUNDING) {
            refund = new Refund(refundDue(command), null);
            detail.put("refundCents", refund.amountCents());
        }
        return new Moved(transition, before, detail);
    }

    private Optional<Refused> record(CaseCommand command, Party party, String actorId, Instant now, Map<String, Object> detail) {
        switch (command) {
            case Refuse r -> {
                if (blank(r.reason())) {
                    return invalid("a refusal needs a reason");
                }
                refusalReason = r.reason();
                detail.put("reason", r.reason());
            }
            case OfferPartialRefund o -> {
                if (o.amountCents() <= 0 || o.amountCents() >= request.requestedCents()) {
                    return invalid("a partial refund must be more than 0 and less than the requested " + request.requestedCents());
                }
                offerCents = o.amountCents();
                detail.put("offerCents", o.amountCents());
                putIfPresent(detail, "note", o.note());
            }
            case DeclineOffer d -> putIfPresent(detail, "reason", d.reason());
            case Escalate e -> putIfPresent(detail, "reason", e.reason());
            case ShipReturn s -> {
                if (blank(s.carrier()) || blank(s.trackingNumber())) {
                    return invalid("a return shipment needs a carrier and a tracking number");
                }
                returnShipment = new ReturnShipment(s.carrier(), s.trackingNumber());
                detail.put("carrier", s.carrier());
                detail.put("trackingNumber", s.trackingNumber());
            }
            case PassInspection p -> putIfPresent(detail, "note", p.note());
            case FailInspection f -> {
                if (f.failure() == null || blank(f.note())) {
                    return invalid("a failed inspection needs what was found and a note");
                }
                inspection = new Inspection(f.failure(), f.note());
                detail.put("failure", f.failure().name());
                detail.put("note", f.note());
            }
            case ShipReplacement s -> {
                if (blank(s.carrier()) || blank(s.trackingNumber())) {
                    return invalid("a replacement shipment needs a carrier and a tracking number");
                }
                detail.put("carrier", s.carrier());
                detail.put("trackingNumber", s.trackingNumber());
            }
            case Judge j -> {
                return judge(j.outcome(), j.amountCents(), j.rule(), j.reasoning(), actorId, now, detail);
            }
            case OverturnJudgment o -> {
                detail.put("previousOutcome", judgment.outcome().name());
                return judge(o.outcome(), o.amountCents(), o.rule(), o.reasoning(), actorId, now, detail);
            }
            case UpholdJudgment u -> {
                if (blank(u.reasoning())) {
                    return invalid("an appeal decision needs reasoning");
                }
                detail.put("reasoning", u.reasoning());
            }
            case ConfirmRefund c -> {
                if (c.amountCents() != refund.amountCents()) {
                    return invalid("the refund due is " + refund.amountCents() + ", not " + c.amountCents());
                }
                refund = new Refund(refund.amountCents(), c.reference());
                detail.put("refundCents", c.amountCents());
                putIfPresent(detail, "reference", c.reference());
            }
            case CaseCommand.Appeal a -> {
                if (blank(a.reason())) {
                    return invalid("an appeal needs a reason");
                }
                appeal = new Appeal(actorId, party, a.reason(), now);
                detail.put("reason", a.reason());
            }
            case Cancel c -> putIfPresent(detail, "reason", c.reason());
            case Agree a -> {
            }
            case AcceptOffer a -> detail.put("offerCents", offerCents);
            case ConfirmReturnReceived c -> {
            }
            case Enforce e -> detail.put("outcome", judgment.outcome().name());
            case Expire e -> detail.put("timeLimit", deadline.limit().name());
            case CaseCommand.FastApprove f -> {
            }
        }
        return Optional.empty();
    }

    private Optional<Refused> judge(JudgmentOutcome outcome, long amountCents, String rule, String reasoning,
                                    String actorId, Instant now, Map<String, Object> detail) {
        if (outcome == null || blank(rule) || blank(reasoning)) {
            return invalid("a judgment needs an outcome, the rule it applies and its reasoning");
        }
        long amount = switch (outcome) {
            case FULL_REFUND -> request.requestedCents();
            case PARTIAL_REFUND -> amountCents;
            case RETURN_REQUIRED, REQUEST_REJECTED -> 0;
        };
        if (outcome == JudgmentOutcome.PARTIAL_REFUND && (amount <= 0 || amount >= request.requestedCents())) {
            return invalid("a partial refund must be more than 0 and less than the requested " + request.requestedCents());
        }
        judgment = new Judgment(outcome, amount, rule, reasoning, actorId, now);
        detail.put("outcome", outcome.name());
        detail.put("amountCents", amount);
        detail.put("reasoning", reasoning);
        return Optional.empty();
    }

    private long refundDue(CaseCommand command) {
        if (judgment != null && judgment.grantsRefund()) {
            return judgment.amountCents();
        }
        if (command instanceof AcceptOffer) {
            return offerCents;
        }
        return request.requestedCents();
    }

    private static Deadline deadlineFor(CaseState state, Instant now, CategoryStandard standard) {
        return Lifecycle.timeLimitIn(state)
                .map(l -> new Deadline(l.limit(), now.plus(standard.duration(l.limit())), l.onExpiry()))
                .orElse(null);
    }

    private static Optional<Refused> invalid(String message) {
        return Optional.of(new Refused(Refusal.INVALID, message));
    }

    private static Opening notOpened(Refusal refusal, String message) {
        return new Opening.NotOpened(new Refused(refusal, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void putIfPresent(Map<String, Object> detail, String key, String value) {
        if (!blank(value)) {
            detail.put(key, value);
        }
    }

    public UUID id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String orderId() {
        return orderId;
    }

    public String buyerId() {
        return buyerId;
    }

    public Request request() {
        return request;
    }

    public CaseType type() {
        return request.type();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CaseState state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    public Deadline deadline() {
        return deadline;
    }

    public Long offerCents() {
        return offerCents;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public ReturnShipment returnShipment() {
        return returnShipment;
    }

    public Inspection inspection() {
        return inspection;
    }

    public Judgment judgment() {
        return judgment;
    }

    public Appeal appeal() {
        return appeal;
    }

    public Refund refund() {
        return refund;
    }
}
