package dev.candor.risk.application;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.aftersales.AfterSalesCases.CaseParties;
import dev.candor.aftersales.CaseDecisions;
import dev.candor.forensics.ForensicReport;
import dev.candor.integrity.ViolationType;
import dev.candor.photoforensics.CasePhotoScans;
import dev.candor.photoreuse.PhotoReuse;
import dev.candor.photoreuse.ReuseMatch;
import dev.candor.reports.AbuseReports;
import dev.candor.risk.infrastructure.Decisions;
import dev.candor.risk.infrastructure.MerchantFlags;
import dev.candor.risk.infrastructure.MerchantFlags.Flag;
import dev.candor.risk.infrastructure.RiskCases;
import dev.candor.risk.model.Features;
import dev.candor.risk.model.FlagFinding;
import dev.candor.risk.model.FlagKind;
import dev.candor.risk.model.Stage;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's one-click flag on a photo the buyer's side filed on an open case of its store: AI-generated,
 * AI-processed, photoshopped or a web image. The photo is scanned now and the flag is confirmed only by findings
 * of its kind ({@link FlagKind}). A confirmed flag re-decides the case (stage {@code MERCHANT_FLAG}, which sends it
 * to a person) and files a DETECTION abuse report for a reviewer to confirm; nothing automatic restricts the
 * buyer. A flag the checks do not confirm is kept and shown on the timeline but changes no outcome. One flag
 * per case, photo and kind: flagging again answers the first result.
 */
@Service
public class FlagEvidencePhoto {

    private final AfterSalesCases cases;
    private final CasePhotoScans scans;
    private final MerchantFlags flags;
    private final RiskCases riskCases;
    private final DecideAgain decideAgain;
    private final Decisions decisions;
    private final AbuseReports reports;
    private final PhotoReuse reuse;
    private final AuditLog audit;
    private final Clock clock;

    FlagEvidencePhoto(AfterSalesCases cases, CasePhotoScans scans, MerchantFlags flags, RiskCases riskCases, DecideAgain decideAgain,
                      Decisions decisions, AbuseReports reports, PhotoReuse reuse, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.scans = scans;
        this.flags = flags;
        this.riskCases = riskCases;
        this.decideAgain = decideAgain;
        this.decisions = decisions;
        this.reports = reports;
        this.reuse = reuse;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A flag and what came of it.
     *
     * @param created false when the flag had been made before and this answers the first result
     * @param explanation why the flag is or is not confirmed, in English and Simplified Chinese
     * @param decision the case's latest decision after the flag; {@code null} when Candor made no decision on it
     */
    public record Flagged(boolean created, Flag flag, Text explanation, CaseDecisions.Summary decision) {
    }

    /** A sentence in English and Simplified Chinese. */
    public record Text(String en, String zh) {
    }

    @Transactional
    public Flagged flag(Actor actor, UUID caseId, UUID evidenceId, FlagKind kind) {
        actor.require(ActorKind.MERCHANT);
        CaseParties parties = cases.partiesVisibleTo(caseId, actor);
        Optional<Flag> earlier = flags.find(caseId, evidenceId, kind);
        if (earlier.isPresent()) {
            return answer(false, earlier.get());
        }
        if (!parties.open()) {
            throw CandorException.conflict("case " + caseId + " is closed: flags are for open requests");
        }
        CasePhotoScans.PhotoScan scan = scans.scanCase(caseId).stream().filter(s -> s.evidenceId().equals(evidenceId)).findFirst()
                .orElseThrow(() -> CandorException.notFound("evidence photo of case " + caseId, evidenceId));
        if (!scan.buyerSide()) {
            throw CandorException.conflict("evidence photo " + evidenceId + " was not filed by the buyer: flags are for the buyer's photos");
        }
        ForensicReport report = scan.report();
        List<FlagFinding> findings = new ArrayList<>(kind.confirming(report));
        if (kind == FlagKind.WEB_IMAGE) {
            findings.addAll(otherStoresListings(report, parties.storeId()));
        }
        Optional<RiskCases.RiskCase> riskCase = riskCases.lock(caseId);
        Flag flag = new Flag(caseId, evidenceId, kind, !findings.isEmpty(), report.verdict().name(), findings, null, null, actor.id(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!flags.insert(flag)) {
            return answer(false, flags.find(caseId, evidenceId, kind).orElseThrow());
        }
        UUID decisionId = null;
        if (riskCase.isPresent()) {
            RiskCases.RiskCase c = riskCase.get();
            List<Features.FlagFact> facts = new ArrayList<>(c.flags());
            facts.add(new Features.FlagFact(evidenceId, kind.name(), flag.confirmed()));
            RiskCases.RiskCase updated = new RiskCases.RiskCase(caseId, c.evidence(), c.forensics(), facts, c.oneTimeCode());
            riskCases.update(updated);
            if (flag.confirmed()) {
                decideAgain.decide(updated, Stage.MERCHANT_FLAG);
                decisionId = decisions.latest(caseId).filter(d -> d.stage() == Stage.MERCHANT_FLAG).map(Decisions.Decision::id).orElse(null);
            }
        }
        UUID reportId = null;
        if (flag.confirmed()) {
            reportId = reports.fileDetection(caseId, violationOf(kind), reportText(flag), List.of(evidenceId));
            flags.settle(flag, decisionId, reportId);
            flag = new Flag(caseId, evidenceId, kind, true, flag.verdict(), findings, reportId, decisionId, flag.flaggedBy(), flag.flaggedAt());
        }
        Text why = explanation(flag);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("evidenceId", evidenceId.toString());
        detail.put("kind", kind.name());
        detail.put("confirmed", flag.confirmed());
        detail.put("verdict", flag.verdict());
        detail.put("findings", findings);
        detail.put("en", why.en());
        detail.put("zh", why.zh());
        if (reportId != null) {
            detail.put("reportId", reportId.toString());
        }
        cases.recordOnTimeline(caseId, actor, "MERCHANT_FLAG", "merchant-flag." + kind.name(), List.of(evidenceId), detail);
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("evidenceId", evidenceId.toString());
        audited.put("kind", kind.name());
        audited.put("confirmed", flag.confirmed());
        audited.put("verdict", flag.verdict());
        if (reportId != null) {
            audited.put("reportId", reportId.toString());
        }
        if (decisionId != null) {
            audited.put("decisionId", decisionId.toString());
        }
        audit.append(actor, "risk.merchant-flagged", "case", caseId.toString(), audited);
        return answer(true, flag);
    }

    /**
     * A web image is a published picture, not one the buyer took: besides the scan's copy of this order's listing,
     * a near copy (PDQ, any rotation or mirror) of another store's listing photo in the reuse index bears it out.
     */
    private List<FlagFinding> otherStoresListings(ForensicReport report, String storeId) {
        ForensicReport.Pdq pdq = report.pdq();
        if (pdq == null || pdq.quality() < PhotoReuse.QUALITY_FLOOR) {
            return List.of();
        }
        return reuse.matches(pdq.dihedrals(), PhotoReuse.MATCH_DISTANCE).stream()
                .filter(m -> m.source() == ReuseMatch.Source.LISTING && !storeId.equals(m.storeId()))
                .map(m -> new FlagFinding("reuse.listing", "STRONG",
                        "The photo is nearly identical (PDQ distance %d of 256) to a listing photo of another store (%s): it is a picture published online, not one of the item received."
                                .formatted(m.distance(), m.storeId()),
                        "照片与另一家店铺（%s）的商品图几乎相同（PDQ 距离 %d/256）：这是网上发布的图片，不是收到的商品的照片。"
                                .formatted(m.storeId(), m.distance())))
                .toList();
    }

    private Flagged answer(boolean created, Flag flag) {
        return new Flagged(created, flag, explanation(flag), decisions.latestHeadline(flag.caseId()).map(DecisionTexts::summary).orElse(null));
    }

    private static Text explanation(Flag f) {
        FlagKind k = f.kind();
        if (f.confirmed()) {
            return new Text("The checks confirm that the photo is " + k.english() + ": the request goes to a person, and a report "
                    + "waits for a reviewer to confirm before anything is recorded against the buyer.",
                    "检测确认该照片为" + k.chinese() + "：本次申请转人工处理，并已提交举报，须经审核人员确认后才会记入买家的诚信记录。");
        }
        return new Text("The checks found no conclusive or strong evidence that the photo is " + k.english() + " (verdict "
                + f.verdict() + "). The flag is kept for the reviewer to see but changes no decision.",
                "检测未发现该照片为" + k.chinese() + "的确凿或有力证据（结论 " + f.verdict() + "）。该标记会保留供审核人员查看，但不改变任何决定。");
    }

    private static ViolationType violationOf(FlagKind kind) {
        return switch (kind) {
            case AI_GENERATED -> ViolationType.AI_GENERATED_IMAGE;
            case AI_PROCESSED, PHOTOSHOPPED -> ViolationType.EDITED_IMAGE;
            case WEB_IMAGE -> ViolationType.WEB_IMAGE;
        };
    }

    private static String reportText(Flag f) {
        StringBuilder text = new StringBuilder("The merchant flagged evidence photo " + f.evidenceId() + " as " + f.kind().english()
                + " and the checks confirmed it. 商家将证据照片标记为" + f.kind().chinese() + "，检测予以确认。");
        f.findings().forEach(x -> text.append("\n- [").append(x.grade()).append("] ").append(x.en()).append(" ").append(x.zh()));
        return text.toString();
    }
}
