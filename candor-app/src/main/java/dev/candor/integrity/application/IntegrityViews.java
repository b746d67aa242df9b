package dev.candor.integrity.application;

import dev.candor.integrity.IntegrityLedger.Source;
import dev.candor.integrity.SubjectType;
import dev.candor.integrity.ViolationType;
import dev.candor.integrity.model.Appeal;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Reasons.Text;
import dev.candor.integrity.model.RestrictionKind;
import dev.candor.integrity.model.StandingAction;
import dev.candor.integrity.model.StandingAction.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the integrity API answers. Fields a masked view leaves out are null (and so absent from the JSON). */
public final class IntegrityViews {

    private IntegrityViews() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** What the buyer may do at the store now, and for each refusal or limit the restrictions behind it. */
    public record Standing(String buyerId, String storeId, Instant asOf, boolean masked, List<ActionView> actions,
                           List<RestrictionView> restrictions) {
    }

    public record ActionView(StandingAction action, Permission permission, List<UUID> restrictionIds) {
    }

    /** A restriction with its reason (English and Chinese), the entries behind it, and how to appeal. */
    public record RestrictionView(UUID id, RestrictionKind kind, String storeId, Instant startsAt, Instant endsAt, Integer points,
                                  Integer threshold, Integer policyVersion, Text reason, AppealRoute appeal,
                                  List<EntryView> entries, Instant liftedAt, String liftReason) {
    }

    /** The human route: the deadline (null when closed), the endpoint and body to use, and who decides by when. */
    public record AppealRoute(Instant deadline, String method, String endpoint, Map<String, Object> body, Text howTo) {
    }

    public record EntryView(UUID id, SubjectType subjectType, String subjectId, String storeId, String orderId, UUID caseId,
                            ViolationType type, int points, int policyVersion, Source source, String rule, String reasoning,
                            List<UUID> evidenceIds, Instant effectiveAt, Instant expiresAt, EntryStatus status,
                            Instant statusSince, Instant appealDeadline) {
    }

    /** An entry with every status change it went through, oldest first. */
    public record EntryDetail(EntryView entry, List<StatusChange> history) {
    }

    public record StatusChange(Instant at, String actorKind, EntryStatus from, EntryStatus to, String reason, UUID appealId) {
    }

    public record BuyerRecord(String buyerId, int activePoints, List<RestrictionView> restrictions, Page<EntryView> entries) {
    }

    public record StoreRecord(String storeId, int activePoints, RestrictionKind ladderStep, List<RestrictionView> restrictions,
                              Page<EntryView> entries) {
    }

    public record AppealView(UUID id, SubjectType subjectType, String subjectId, String storeId, UUID restrictionId,
                             List<UUID> entryIds, String reason, Instant filedAt, Instant dueAt, boolean overdue, int policyVersion,
                             Appeal.Decision decision, String decisionReason, Instant decidedAt) {

        static AppealView of(Appeal a, Instant now) {
            return new AppealView(a.id(), a.subjectType(), a.subjectId(), a.storeId(), a.restrictionId(), a.entryIds(), a.reason(),
                    a.filedAt(), a.dueAt(), a.overdueAt(now), a.policyVersion(), a.decision(), a.decisionReason(), a.decidedAt());
        }
    }
}
