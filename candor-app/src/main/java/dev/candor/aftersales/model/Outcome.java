package dev.candor.aftersales.model;

import java.util.Map;

/** The result of asking a case to do something: it moved, or it refused and says why. */
public sealed interface Outcome {

    /**
     * The case moved along a transition.
     *
     * @param detail the facts of the move for the timeline (amounts, reasons, tracking numbers)
     */
    record Moved(Lifecycle.Transition transition, CaseState before, Map<String, Object> detail) implements Outcome {
    }

    /** The case refused; nothing changed. */
    record Refused(Refusal refusal, String message) implements Outcome {
    }

    /** Why a case refuses. */
    enum Refusal {
        /** No transition for this action from the current state. */
        ILLEGAL_TRANSITION,
        /** The action exists from this state, but not for this party. */
        NOT_YOUR_ACTION,
        /** The state's time limit has run out; only Candor's automatic action applies now. */
        DEADLINE_PASSED,
        /** The action's facts are invalid (an amount out of range, a missing reason). */
        INVALID,
        /** The order was received longer ago than the complaint window allows. */
        COMPLAINT_WINDOW_CLOSED
    }
}
