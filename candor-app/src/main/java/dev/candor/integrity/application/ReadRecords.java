package dev.candor.integrity.application;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.application.IntegrityViews.AppealView;
import dev.candor.integrity.application.IntegrityViews.BuyerRecord;
import dev.candor.integrity.application.IntegrityViews.EntryDetail;
import dev.candor.integrity.application.IntegrityViews.EntryView;
import dev.candor.integrity.application.IntegrityViews.StatusChange;
import dev.candor.integrity.application.IntegrityViews.Page;
import dev.candor.integrity.application.IntegrityViews.StoreRecord;
import dev.candor.integrity.infrastructure.Appeals;
import dev.candor.integrity.infrastructure.Entries;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.infrastructure.Restrictions;
import dev.candor.integrity.model.Appeal;
import dev.candor.integrity.model.Entry;
import dev.candor.integrity.model.EntryStatus;
import dev.candor.integrity.model.Restriction;
import dev.candor.integrity.model.RestrictionDerivation;
import dev.candor.integrity.model.RestrictionKind;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Records of buyers and stores, orders judged abusive, appeals and the appeal queue, for those who may see them. */
@Service
public class ReadRecords {

    private final Entries entries;
    private final Restrictions restrictions;
    private final Appeals appeals;
    private final PenaltyPolicies policies;
    private final ReadStanding standing;
    private final Clock clock;

    ReadRecords(Entries entries, Restrictions restrictions, Appeals appeals, PenaltyPolicies policies, ReadStanding standing,
                Clock clock) {
        this.entries = entries;
        this.restrictions = restrictions;
        this.appeals = appeals;
        this.policies = policies;
        this.standing = standing;
        this.clock = clock;
    }

    /** A buyer's own record (or any, for staff and the order system); merchants see the masked standing instead. */
    public BuyerRecord buyer(Actor actor, String buyerId, int page, int size) {
        Subject subject = new Subject(SubjectType.BUYER, buyerId);
        if (!SubjectAccess.mayRead(actor, subject)) {
            throw CandorException.notFound("buyer", buyerId);
        }
        Instant now = clock.instant();
        return new BuyerRecord(buyerId, RestrictionDerivation.activePoints(entries.counting(subject.type(), buyerId), now),
                standing.explain(restrictions.inForceAt(subject, now), now), entries(subject, page, size, now));
    }

    /** A store's merchant-side record and its step on the ladder. */
    public StoreRecord store(Actor actor, String storeId, int page, int size) {
        Subject subject = new Subject(SubjectType.MERCHANT, storeId);
        if (!SubjectAccess.mayRead(actor, subject)) {
            throw CandorException.notFound("store", storeId);
        }
        Instant now = clock.instant();
        List<Restriction> inForce = restrictions.inForceAt(subject, now);
        RestrictionKind step = inForce.stream().map(Restriction::kind).filter(k -> k.subject() == SubjectType.MERCHANT)
                .findFirst().orElse(null);
        return new StoreRecord(storeId, RestrictionDerivation.activePoints(entries.counting(subject.type(), storeId), now), step,
                standing.explain(inForce, now), entries(subject, page, size, now));
    }

    /** One entry and its status history, for those who may read its subject's record. */
    public EntryDetail entry(Actor actor, UUID entryId) {
        Entry entry = entries.find(entryId).orElseThrow(() -> CandorException.notFound("entry", entryId));
        if (!SubjectAccess.mayRead(actor, new Subject(entry.subjectType(), entry.subjectId()))) {
            throw CandorException.notFound("entry", entryId);
        }
        return new EntryDetail(standing.entryView(entry, clock.instant()), entries.history(entryId).stream()
                .map(e -> new StatusChange(e.occurredAt(), e.actorKind(), e.from() == null ? null : EntryStatus.valueOf(e.from()),
                        EntryStatus.valueOf(e.to()), e.reason(), e.appealId()))
                .toList());
    }

    /** Orders of the store's buyer entries that are ACTIVE or UPHELD: they leave its return and dispute rates. */
    public Page<String> excludedOrders(Actor actor, String storeId, int page, int size) {
        boolean allowed = actor.isPlatformStaff() || (actor.is(ActorKind.MERCHANT) && actor.storeIds().contains(storeId));
        if (!allowed) {
            throw CandorException.notFound("store", storeId);
        }
        return new Page<>(entries.ordersJudgedAbusive(storeId, page, size), page, size, entries.countOrdersJudgedAbusive(storeId));
    }

    /** Undecided appeals, earliest due first, so the overdue ones lead. */
    public Page<AppealView> queue(Actor actor, int page, int size) {
        actor.require(ActorKind.REVIEWER, ActorKind.ADMIN);
        Instant now = clock.instant();
        return new Page<>(appeals.queue(page, size).stream().map(a -> AppealView.of(a, now)).toList(), page, size, appeals.queueSize());
    }

    public AppealView appeal(Actor actor, UUID appealId) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> CandorException.notFound("appeal", appealId));
        if (!SubjectAccess.mayRead(actor, new Subject(appeal.subjectType(), appeal.subjectId()))) {
            throw CandorException.notFound("appeal", appealId);
        }
        return AppealView.of(appeal, clock.instant());
    }

    public Page<PenaltyPolicies.Version> policies(Actor actor, int page, int size) {
        actor.require(ActorKind.ADMIN);
        return new Page<>(policies.page(page, size), page, size, policies.count());
    }

    public PenaltyPolicies.Version policy(Actor actor, int version) {
        actor.require(ActorKind.ADMIN);
        return policies.version(version).orElseThrow(() -> CandorException.notFound("policy version", version));
    }

    /** The policy in force; every authenticated principal may read it (it is what the ledger applies to them). */
    public PenaltyPolicies.Version currentPolicy() {
        return policies.current();
    }

    private Page<EntryView> entries(Subject subject, int page, int size, Instant now) {
        return new Page<>(entries.ofSubject(subject.type(), subject.id(), page, size).stream().map(e -> standing.entryView(e, now)).toList(),
                page, size, entries.countOfSubject(subject.type(), subject.id()));
    }
}
