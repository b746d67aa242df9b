package dev.candor.photoforensics.model;

import dev.candor.forensics.Finding;
import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.Strength;
import dev.candor.forensics.Verdict;
import dev.candor.photoforensics.CasePhotoScans.Signal;
import dev.candor.photoreuse.ReuseMatch;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one photo's forensic report and its reuse matches into signals, one per code, with the grade of the
 * strongest finding behind it. The table is docs/forensic-stage.md; a check this table does not know keeps
 * its strength but at most MODERATE, so that only findings someone has mapped can drive a decision.
 */
public final class SignalGrading {

    private SignalGrading() {
    }

    /** The signals of one photo, strongest first. */
    public static List<Signal> grade(UUID evidenceId, ForensicReport report, List<ReuseMatch> reuse, String caseStoreId) {
        Map<String, Signal> strongest = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            keep(strongest, of(evidenceId, finding));
        }
        if (report.verdict() == Verdict.UNREADABLE) {
            keep(strongest, new Signal(evidenceId, "PHOTO_UNREADABLE", Strength.MODERATE.name(),
                    "The photo could not be decoded, so its pixels were not analysed.", "照片无法解码，未能分析其像素。"));
        }
        reuse.stream().sorted(Comparator.comparingInt(ReuseMatch::distance)).forEach(match -> {
            switch (match.source()) {
                case CLAIM -> keep(strongest, new Signal(evidenceId, "REUSED_FROM_OTHER_CLAIM", Strength.STRONG.name(),
                        "The photo is nearly identical (PDQ distance %d of 256) to a photo another buyer filed with an earlier claim."
                                .formatted(match.distance()),
                        "照片与其他买家在更早的售后申请中提交的照片几乎相同（PDQ 距离 %d/256）。".formatted(match.distance())));
                case LISTING -> {
                    if (!caseStoreId.equals(match.storeId())) {
                        keep(strongest, new Signal(evidenceId, "WEB_IMAGE", Strength.STRONG.name(),
                                "The photo is nearly identical (PDQ distance %d of 256) to a listing photo of another store: it shows a picture found online, not the item received."
                                        .formatted(match.distance()),
                                "照片与另一家店铺的商品图几乎相同（PDQ 距离 %d/256）：这是网上找来的图片，不是收到的商品。".formatted(match.distance())));
                    } else if (!strongest.containsKey("DERIVED_FROM_LISTING_EDITED")) {
                        keep(strongest, new Signal(evidenceId, "COPY_OF_LISTING", Strength.MODERATE.name(),
                                "The photo is nearly identical (PDQ distance %d of 256) to one of this store's own listing photos."
                                        .formatted(match.distance()),
                                "照片与本店的一张商品图几乎相同（PDQ 距离 %d/256）。".formatted(match.distance())));
                    }
                }
            }
        });
        return strongest.values().stream().sorted(Comparator.comparingInt(s -> Strength.valueOf(s.grade()).ordinal())).toList();
    }

    private static void keep(Map<String, Signal> strongest, Signal signal) {
        strongest.merge(signal.code(), signal, (a, b) ->
                Strength.valueOf(b.grade()).compareTo(Strength.valueOf(a.grade())) < 0 ? b : a);
    }

    private static Signal of(UUID evidenceId, Finding f) {
        String en = f.summary();
        Map<String, String> d = f.data();
        return switch (f.check()) {
            case "c2pa.digitalSourceType" -> signal(evidenceId, "DECLARED_AI_ORIGIN", f, en,
                    "照片的 C2PA 内容凭证声明该图片由 AI 生成或经 AI 编辑。");
            case "iptc.digitalSourceType" -> signal(evidenceId, "DECLARED_AI_ORIGIN", f, en,
                    "照片的 XMP 元数据（IPTC 数字来源类型）声明该图片由 AI 生成或经 AI 编辑。");
            case "aigc.label" -> signal(evidenceId, "DECLARED_AI_ORIGIN", f, en,
                    "照片带有 GB 45438-2025 规定的人工智能生成内容隐式标识（标识 %s）。".formatted(d.getOrDefault("label", "?")));
            case "generator.metadata" -> signal(evidenceId, "DECLARED_AI_ORIGIN", f, en,
                    "照片的元数据含有 AI 生成工具（%s）写入的信息。".formatted(d.getOrDefault("generator", "?")));
            case "c2pa.tampered" -> signal(evidenceId, "PROVENANCE_TAMPERED", f, en,
                    "照片的 C2PA 内容凭证与文件内容不符：签名之后文件被改动过。");
            case "c2pa.malformed" -> signal(evidenceId, "PROVENANCE_TAMPERED", f, en,
                    "照片带有无法读取的 C2PA 内容凭证，凭证已损坏或被篡改。");
            case "listing.edited" -> signal(evidenceId, "DERIVED_FROM_LISTING_EDITED", f, en,
                    "照片由卖家的商品图 %s 修改而成（PDQ 距离 %s/256），改动区域：%s（像素，x0,y0-x1,y1）。"
                            .formatted(d.get("listing"), d.get("distance"), d.get("editedRegions")));
            case "listing.derived" -> signal(evidenceId, "COPY_OF_LISTING", f, en,
                    "照片是卖家商品图 %s 的副本（PDQ 距离 %s/256），未发现改动区域。".formatted(d.get("listing"), d.get("distance")));
            case "timeline.capturedBeforeDelivery" -> signal(evidenceId, "CAPTURED_BEFORE_DELIVERY", f, en,
                    "相机记录的拍摄时间早于订单签收时间（%s）。".formatted(d.get("deliveredAt")));
            case "timeline.capturedNearDelivery" -> signal(evidenceId, "CAPTURED_NEAR_DELIVERY", f, en,
                    "相机记录的拍摄时间可能早于签收时间（%s），取决于文件未记录的时区。".formatted(d.get("deliveredAt")));
            case "software.editor" -> signal(evidenceId, "EDITING_SOFTWARE", f, en,
                    "照片最后由修图软件写入或编辑：%s。".formatted(d.get("software")));
            case "exif.thumbnailMismatch" -> signal(evidenceId, "THUMBNAIL_MISMATCH", f, en,
                    "照片内嵌的 EXIF 缩略图与图片本身不一致：图片在拍摄之后被裁剪、替换或编辑过。");
            case "c2pa.stripped" -> signal(evidenceId, "PROVENANCE_STRIPPED", f, en,
                    "照片的 XMP 表明它曾带有 C2PA 内容凭证，但凭证已被删除：文件被重新保存过。");
            case "c2pa.credential", "c2pa.ingredient" -> signal(evidenceId, "PROVENANCE_UNVERIFIED", f, en,
                    "照片 C2PA 内容凭证的签名证书或所引用素材的凭证无法验证，其声明不能确切归属。");
            case "c2pa.present", "c2pa.remote" -> signal(evidenceId, "CONTENT_CREDENTIALS", f, en,
                    "照片带有（或引用）C2PA 内容凭证，未声明 AI 生成。");
            case "ela", "jpeg.standardTables" -> signal(evidenceId, "RESAVE_TRACES", f, en,
                    "照片有重新压缩或重新保存的痕迹（弱信号）。");
            case "exif.noCamera" -> signal(evidenceId, "NO_CAMERA_METADATA", f, en,
                    "照片没有记录相机品牌或型号：它被重新保存、截屏或删除了元数据（弱信号）。");
            case "software.other" -> signal(evidenceId, "SOFTWARE_NAMED", f, en,
                    "照片记录了写入它的软件：%s。".formatted(d.get("software")));
            default -> new Signal(evidenceId, "OTHER_FINDING",
                    (f.strength().compareTo(Strength.MODERATE) < 0 ? Strength.MODERATE : f.strength()).name(), en,
                    "检查项 %s 有一项发现，详见英文说明。".formatted(f.check()));
        };
    }

    private static Signal signal(UUID evidenceId, String code, Finding f, String en, String zh) {
        return new Signal(evidenceId, code, f.strength().name(), en, zh);
    }
}
