package dev.candor.risk.model;

/**
 * Every reason a decision can give, with its text in English and Simplified Chinese. The {@code %s}
 * placeholders are filled with the facts that triggered it, in order.
 */
public enum ReasonCode {
    LOW_RISK("Trusted buyer and low-risk order: risk score %s, amount within %s", "信用良好且订单风险低：风险分 %s，金额未超过 %s"),
    EVIDENCE_NEEDED("Evidence is needed before this request can go ahead: risk score %s", "需补充证据后才能继续处理：风险分 %s"),
    EVIDENCE_OUTSTANDING("Evidence asked for has not all arrived: %s of %s photos, %s of %s videos",
            "所需证据尚未补齐：照片 %s/%s，视频 %s/%s"),
    EVIDENCE_SUPPLIED("The evidence asked for has arrived and the risk score %s allows approval within %s",
            "所需证据已提交，风险分 %s 且金额未超过 %s，可予通过"),
    REVIEW_SCORE("Risk score %s is at or over the review threshold %s", "风险分 %s 达到人工审核阈值 %s"),
    REVIEW_AMOUNT("The amount %s is over what is approved without a person (%s)", "金额 %s 超过无需人工即可通过的上限 %s"),
    CLAIMS_30D("%s after-sales requests in the last 30 days (threshold %s)", "近 30 天内售后申请 %s 次（阈值 %s）"),
    CLAIMS_365D("%s after-sales requests in the last 365 days (threshold %s)", "近 365 天内售后申请 %s 次（阈值 %s）"),
    REFUND_ONLY_SHARE_90D("%s%% of the requests in the last 90 days were refund-only (threshold %s%%)",
            "近 90 天内仅退款申请占比 %s%%（阈值 %s%%）"),
    EARLY_CLAIMS_90D("%s requests in the last 90 days came within %s hours of delivery (threshold %s)",
            "近 90 天内有 %s 次申请在签收后 %s 小时内提出（阈值 %s）"),
    EARLY_CLAIM("This request came %s hours after delivery (within %s hours)", "本次申请在签收后 %s 小时提出（%s 小时内）"),
    ABUSIVE_HISTORY_365D("%s earlier requests in the last 365 days were confirmed abusive", "近 365 天内有 %s 次申请被确认为滥用"),
    LINKED_ACCOUNTS("The account shares an address, phone, device or payment fingerprint with %s other accounts (threshold %s)",
            "该账号与其他 %s 个账号共用收货地址、手机号、设备或支付指纹（阈值 %s）"),
    LINKED_ABUSIVE_ACCOUNT("%s linked accounts had requests confirmed abusive in the last 365 days",
            "有 %s 个关联账号近 365 天内的申请被确认为滥用"),
    HIGH_VALUE("The amount %s is at or over %s", "申请金额 %s 达到或超过 %s"),
    HIGH_RISK_CATEGORY("Category %s is one where swaps and fakes are common", "%s 类目调包、假货风险较高"),
    NOT_DELIVERED_QUALITY_CLAIM("A quality problem is claimed on an order not yet delivered", "订单尚未签收却申请质量问题"),
    RESTRICTED_BUYER("The buyer has a confirmed restriction in force: %s", "买家有生效中的已确认限制：%s"),
    STORE_ABUSE_RATE_90D("%s%% of this store's requests in the last 90 days were confirmed abusive (threshold %s%%)",
            "该店铺近 90 天内 %s%% 的售后申请被确认为滥用（阈值 %s%%）"),
    RESTRICTION_REFUND_ONLY_DISABLED("Refund-only requests are disabled for this buyer until %s by confirmed restriction %s; appeal through the integrity ledger",
            "该买家的仅退款功能已被确认限制 %2$s 停用至 %1$s；可通过诚信记录申诉"),
    RESTRICTION_AFTER_SALES_REJECTED_AT_STORE("After-sales requests at this store are rejected for this buyer until %s by confirmed restriction %s; appeal through the integrity ledger",
            "该买家在本店的售后申请已被确认限制 %2$s 拒绝至 %1$s；可通过诚信记录申诉"),
    FORENSIC_FINDING("Photo %s: %s", "照片 %s：%s"),
    FORENSIC_NOTE("For the reviewer, photo %s: %s", "供审核参考，照片 %s：%s"),
    FORENSICS_PENDING("The evidence photos are still being checked; this decision may be revised", "证据照片仍在检测中，本决定可能被修正"),
    FORENSICS_CLEAN("The checks of the evidence photos found nothing that changes the decision", "证据照片检测未发现影响决定的问题"),
    FORENSICS_FAILED("The checks of the evidence photos could not be completed", "证据照片检测未能完成"),
    FORENSICS_LATE("The checks of the evidence photos did not finish in time", "证据照片检测未能按时完成"),
    MERCHANT_FLAG_CONFIRMED("The merchant flagged photo %s as %s and the checks confirmed it", "商家将照片 %s 标记为%s，检测予以确认"),
    FEATURES_UNAVAILABLE("Some risk facts could not be read (%s); a person decides", "部分风险数据无法读取（%s），转人工处理"),
    FEATURES_LATE("The risk facts were not read in time; a person decides", "风险数据未能及时读取，转人工处理");

    private final String english;
    private final String chinese;

    ReasonCode(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english(Object... facts) {
        return english.formatted(facts);
    }

    public String chinese(Object... facts) {
        return chinese.formatted(facts);
    }
}
