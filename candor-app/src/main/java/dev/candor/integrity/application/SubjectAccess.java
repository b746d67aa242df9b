package dev.candor.integrity.application;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.model.Subject;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;

/** Who may see and contest a subject's record. Strangers are told "not found", so existence does not leak. */
final class SubjectAccess {

    private SubjectAccess() {
    }

    /** Staff and the order system read every record; a buyer their own; a merchant its stores'. */
    static boolean mayRead(Actor actor, Subject subject) {
        if (actor.isPlatformStaff() || actor.is(ActorKind.INTEGRATION)) {
            return true;
        }
        return isSubject(actor, subject);
    }

    /** The subject itself (and the order system acting for a buyer) may appeal. */
    static boolean mayAppeal(Actor actor, Subject subject) {
        return isSubject(actor, subject) || (subject.type() == SubjectType.BUYER && actor.is(ActorKind.INTEGRATION));
    }

    private static boolean isSubject(Actor actor, Subject subject) {
        return subject.type() == SubjectType.BUYER
                ? actor.isBuyer(subject.id())
                : actor.is(ActorKind.MERCHANT) && actor.storeIds().contains(subject.id());
    }
}
