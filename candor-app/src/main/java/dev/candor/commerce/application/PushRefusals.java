package dev.candor.commerce.application;

import dev.candor.shared.error.CandorException;
import dev.candor.shared.error.ErrorCode;
import java.util.Map;

/** Why a push from the order system is refused, with stable error codes. */
final class PushRefusals {

    private PushRefusals() {
    }

    /** The push names a store, buyer, order, listing, photo or shipment Candor has not been sent. */
    static CandorException unknownReference(String what, String id) {
        return new CandorException(ErrorCode.UNKNOWN_REFERENCE,
                what + " " + id + " is unknown; push it before anything that refers to it",
                Map.of("resource", what, "id", id));
    }

    /** The push would move a record to another owner, which other records and access rules hang on. */
    static CandorException ownerChanged(String what, String id, String owner) {
        return CandorException.conflict("the " + owner + " of " + what + " " + id + " cannot change once pushed");
    }
}
