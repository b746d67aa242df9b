package dev.candor.risk.model;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Strength;
import dev.candor.forensics.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a merchant can flag an evidence photo as (PRODUCT.md: "flag an image as AI-generated, AI-processed or
 * photoshopped", and web images), and which findings of the forensic scan bear each out. A flag is confirmed
 * only by findings of its own kind graded CONCLUSIVE or STRONG (the library's grades: a signed or standardised
 * declaration, or near-certain with the case facts), with one exception named on {@link #WEB_IMAGE}.
 */
public enum FlagKind {

    /**
     * Declared AI origin: the file says it was generated (C2PA or IPTC digital source type
     * {@code trainedAlgorithmicMedia}, the GB 45438-2025 label, generator metadata). The library's verdict
     * {@code AI_GENERATED_DECLARED} is the whole file's declaration; the findings behind it are cited.
     */
    AI_GENERATED("AI-generated", "AI 生成",
            r -> r.verdict() == Verdict.AI_GENERATED_DECLARED, f -> Checks.DECLARATIONS.contains(f.check()) && strong(f)),

    /**
     * Declared AI editing (digital source type {@code compositeWithTrainedAlgorithmicMedia} or
     * {@code compositeSynthetic}, image-to-image generator parameters) or, a fortiori, declared AI generation:
     * either way the pixels passed through an AI model.
     */
    AI_PROCESSED("AI-processed", "AI 处理",
            r -> r.verdict() == Verdict.AI_GENERATED_DECLARED || r.verdict() == Verdict.AI_EDITED_DECLARED,
            f -> Checks.DECLARATIONS.contains(f.check()) && strong(f)),

    /**
     * Edited after the fact: made from the seller's listing photo with located changed regions
     * ({@code listing.edited}, STRONG), or changed after its C2PA content credentials were signed
     * ({@code c2pa.tampered}, CONCLUSIVE).
     */
    PHOTOSHOPPED("photoshopped", "P 图", r -> true, f -> Checks.EDITS.contains(f.check()) && strong(f)),

    /**
     * Not the buyer's own photo: a copy of a listing photo ({@code listing.derived}, edited or not). The library
     * grades an unedited copy MODERATE because a buyer may show the listing for comparison, so the copy alone
     * does not prove abuse; but it proves exactly what this flag says, that the photo is a published picture
     * and not one the buyer took. Whether that was abuse is the reviewer's call on the report it files. The
     * reuse index's near copies of other stores' listing photos confirm it too (added by the flag's use case,
     * which holds the index).
     */
    WEB_IMAGE("a web image", "网图", r -> true, f -> Checks.COPIES.contains(f.check()));

    private final String english;
    private final String chinese;
    private final Predicate<ForensicReport> verdict;
    private final Predicate<Finding> confirms;

    FlagKind(String english, String chinese, Predicate<ForensicReport> verdict, Predicate<Finding> confirms) {
        this.english = english;
        this.chinese = chinese;
        this.verdict = verdict;
        this.confirms = confirms;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    /** The findings of the photo's scan that confirm a flag of this kind, strongest first; empty when the checks do not. */
    public List<FlagFinding> confirming(ForensicReport report) {
        if (!verdict.test(report)) {
            return List.of();
        }
        return report.findings().stream().filter(confirms).map(FlagKind::cite).toList();
    }

    private static boolean strong(Finding f) {
        return f.strength() == Strength.CONCLUSIVE || f.strength() == Strength.STRONG;
    }

    private static FlagFinding cite(Finding f) {
        Map<String, String> d = f.data();
        String zh = switch (f.check()) {
            case "aigc.label" -> "照片带有 GB 45438-2025 规定的人工智能生成内容隐式标识（标识 %s）。".formatted(d.getOrDefault("label", "?"));
            case "iptc.digitalSourceType" -> "照片的 XMP 元数据声明其数字来源类型为 %s（由 AI 生成或经 AI 编辑）。"
                    .formatted(code(d.getOrDefault("digitalSourceType", "?")));
            case "c2pa.digitalSourceType" -> "照片的 C2PA 内容凭证声明该图片由 AI 生成或经 AI 编辑（%s）。"
                    .formatted(String.join(", ", List.of(d.getOrDefault("digitalSourceTypes", "?").split(" ")).stream()
                            .map(FlagKind::code).toList()));
            case "generator.metadata" -> "照片的元数据含有 AI 生成工具（%s）写入的信息。".formatted(d.getOrDefault("generator", "?"));
            case "c2pa.tampered" -> "照片的 C2PA 内容凭证与文件内容不符：签名之后文件被改动过。";
            case "listing.edited" -> "照片由卖家的商品图 %s 修改而成（PDQ 距离 %s/256），改动区域：%s（像素，x0,y0-x1,y1）。"
                    .formatted(d.get("listing"), d.get("distance"), d.get("editedRegions"));
            case "listing.derived" -> "照片是卖家商品图 %s 的副本（PDQ 距离 %s/256），未发现改动区域。".formatted(d.get("listing"), d.get("distance"));
            default -> throw new IllegalArgumentException("no Chinese text for check " + f.check());
        };
        return new FlagFinding(f.check(), f.strength().name(), f.summary(), zh);
    }

    private static String code(String digitalSourceType) {
        return digitalSourceType.substring(digitalSourceType.lastIndexOf('/') + 1);
    }

    /** The library's check ids each kind reads (candor-forensics: OriginChecks, C2paCheck, ListingMatcher). */
    private static final class Checks {
        static final Set<String> DECLARATIONS = Set.of("aigc.label", "iptc.digitalSourceType", "c2pa.digitalSourceType",
                "generator.metadata");
        static final Set<String> EDITS = Set.of("listing.edited", "c2pa.tampered");
        static final Set<String> COPIES = Set.of("listing.derived", "listing.edited");
    }
}
