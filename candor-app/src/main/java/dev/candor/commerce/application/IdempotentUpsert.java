package dev.candor.commerce.application;

import dev.candor.commerce.model.Changes;
import dev.candor.commerce.model.Pushed;
import dev.candor.commerce.model.Upsertable;
import dev.candor.commerce.model.Upserted;
import dev.candor.commerce.model.Upserted.Outcome;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.security.Actor;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * The rule every push from the order system follows: a new id is created and audited with what was
 * pushed; a changed record is updated and audited with before and after of the changed fields; a push
 * of what Candor already holds writes nothing at all (no row update, no audit entry), so the order
 * system may repeat pushes as often as it likes. Runs in the caller's transaction.
 */
@Component
class IdempotentUpsert {

    private final AuditLog audit;
    private final Clock clock;

    IdempotentUpsert(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param subjectType the audit subject type, also the prefix of the audit actions ({@code store.created})
     * @param checkUpdate called with (current, incoming) before a change is written; throws to refuse it
     */
    <T extends Pushed> Upserted<T> apply(Actor actor, String subjectType, String id, T incoming, Upsertable<T> records,
                                         BiConsumer<T, T> checkUpdate) {
        if (records.insertIfAbsent(incoming, clock.instant())) {
            audit.append(actor, subjectType + ".created", subjectType, id, Changes.created(incoming));
            return new Upserted<>(incoming, Outcome.CREATED);
        }
        T current = records.lock(id).orElseThrow(() -> new IllegalStateException(subjectType + " " + id + " vanished"));
        Optional<Map<String, Object>> changes = Changes.between(current, incoming);
        if (changes.isEmpty()) {
            return new Upserted<>(current, Outcome.UNCHANGED);
        }
        checkUpdate.accept(current, incoming);
        records.update(incoming, clock.instant());
        audit.append(actor, subjectType + ".updated", subjectType, id, changes.get());
        return new Upserted<>(incoming, Outcome.UPDATED);
    }

    <T extends Pushed> Upserted<T> apply(Actor actor, String subjectType, String id, T incoming, Upsertable<T> records) {
        return apply(actor, subjectType, id, incoming, records, (current, next) -> { });
    }
}
