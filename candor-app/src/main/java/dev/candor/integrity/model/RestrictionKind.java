package dev.candor.integrity.model;

import dev.candor.integrity.SubjectType;
import dev.candor.integrity.model.StandingAction.Permission;
import java.util.Map;

/**
 * What a restriction does. Buyer kinds are switched on by points over a threshold, platform-wide or at the
 * store that reported the entries; merchant kinds are the steps of the ladder, of which a store holds at
 * most one at a time (they share the group {@code LADDER}).
 */
public enum RestrictionKind {
    AFTER_SALES_REJECTED_AT_STORE(SubjectType.BUYER, Scope.STORE,
            Map.of(StandingAction.AFTER_SALES, Permission.DENIED, StandingAction.REFUND_ONLY, Permission.DENIED),
            "After-sales requests at this store are rejected", "在该店铺的售后申请将被拒绝"),
    REFUND_ONLY_DISABLED(SubjectType.BUYER, Scope.PLATFORM, Map.of(StandingAction.REFUND_ONLY, Permission.DENIED),
            "Refund-only requests are disabled", "仅退款功能已停用"),
    PURCHASE_LIMIT_AT_STORE(SubjectType.BUYER, Scope.STORE, Map.of(StandingAction.PURCHASE, Permission.LIMITED),
            "Purchases at this store are limited", "在该店铺的购买受到限制"),
    PLATFORM_PURCHASE_LIMIT(SubjectType.BUYER, Scope.PLATFORM, Map.of(StandingAction.PURCHASE, Permission.LIMITED),
            "Purchases are limited on the whole platform", "全平台购买受到限制"),
    NO_PLATFORM_INTERVENTION(SubjectType.BUYER, Scope.PLATFORM,
            Map.of(StandingAction.PLATFORM_INTERVENTION, Permission.DENIED),
            "The platform no longer intervenes on your behalf in disputes", "平台不再主动介入为您处理纠纷"),
    ORDERING_SUSPENDED(SubjectType.BUYER, Scope.PLATFORM,
            Map.of(StandingAction.ORDERING, Permission.DENIED, StandingAction.PURCHASE, Permission.DENIED),
            "Placing orders is suspended", "下单功能已暂停"),
    MERCHANT_REMINDER(SubjectType.MERCHANT, Scope.PLATFORM, Map.of(), "Reminder", "提醒"),
    MERCHANT_WARNING(SubjectType.MERCHANT, Scope.PLATFORM, Map.of(), "Warning", "警告"),
    MERCHANT_SERIOUS_WARNING(SubjectType.MERCHANT, Scope.PLATFORM, Map.of(), "Serious warning", "严重警告"),
    MERCHANT_RESTRICTED(SubjectType.MERCHANT, Scope.PLATFORM, Map.of(), "The store is restricted", "店铺受限"),
    MERCHANT_TERMINATED(SubjectType.MERCHANT, Scope.PLATFORM, Map.of(), "The store is terminated", "店铺清退");

    /** Whose points a threshold counts: all of the subject's, or those reported by one store. */
    public enum Scope { PLATFORM, STORE }

    private final SubjectType subject;
    private final Scope scope;
    private final Map<StandingAction, Permission> effects;
    private final String english;
    private final String chinese;

    RestrictionKind(SubjectType subject, Scope scope, Map<StandingAction, Permission> effects, String english, String chinese) {
        this.subject = subject;
        this.scope = scope;
        this.effects = effects;
        this.english = english;
        this.chinese = chinese;
    }

    public SubjectType subject() {
        return subject;
    }

    public Scope scope() {
        return scope;
    }

    /** What this kind does to an action; {@code ALLOWED} when it does not touch it. */
    public Permission effectOn(StandingAction action) {
        return effects.getOrDefault(action, Permission.ALLOWED);
    }

    /** Restrictions of one group replace each other: each buyer kind is its own group, the ladder one. */
    public String group() {
        return subject == SubjectType.MERCHANT ? "LADDER" : name();
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }
}
