package dev.candor.integrity.model;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The explanation every restriction carries for its subject, in English and Simplified Chinese, and the
 * human route to contest it (PIPL Art. 24: an explanation of automated decisions and a way to a person).
 */
public final class Reasons {

    private Reasons() {
    }

    public record Text(String en, String zh) {
    }

    public static Text why(Restriction r) {
        String where = r.storeId() == null ? "" : " (store " + r.storeId() + ")";
        String whereZh = r.storeId() == null ? "" : "（店铺 " + r.storeId() + "）";
        return new Text(
                r.kind().english() + where + " until " + r.endsAt() + ": confirmed entries total " + r.points()
                        + " points, at or over the threshold of " + r.threshold() + " points of penalty policy version "
                        + r.policyVersion() + ". Each entry below cites the rule and evidence behind it.",
                r.kind().chinese() + whereZh + "，至 " + r.endsAt() + "：经人工核实的记录共计 " + r.points() + " 分，达到第 "
                        + r.policyVersion() + " 版处罚规则 " + r.threshold() + " 分的阈值。以下每条记录均注明所依据的规则和证据。");
    }

    public static Text howToAppeal(UUID restrictionId, Instant deadline, Duration reviewLimit) {
        long days = reviewLimit.toDays();
        if (deadline == null) {
            return new Text("The appeal window of the entries behind this restriction has closed or they are already under appeal.",
                    "该限制所依据记录的申诉期已过，或已在申诉中。");
        }
        return new Text("Appeal by " + deadline + " with POST /api/v1/integrity/appeals {\"restrictionId\": \"" + restrictionId
                        + "\", \"reason\": \"...\"}; a person on the platform's review team decides within " + days + " days.",
                "请于 " + deadline + " 前通过 POST /api/v1/integrity/appeals 提交申诉（restrictionId: " + restrictionId
                        + "），平台审核人员将在 " + days + " 天内人工处理。");
    }
}
