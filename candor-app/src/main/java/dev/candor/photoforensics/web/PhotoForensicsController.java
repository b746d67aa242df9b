package dev.candor.photoforensics.web;

import dev.candor.aftersales.AfterSalesCases;
import dev.candor.forensics.ReportJson;
import dev.candor.photoforensics.CasePhotoScans;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click forensic check of a case's evidence photos, answered from the stored reports where the forensic
 * stage has scanned them. Merchants of the case's store and platform staff may run it; buyers may not, so that
 * the checks do not teach anyone how to pass them.
 */
@RestController
@Tag(name = "Evidence forensics")
class PhotoForensicsController {

    private final AfterSalesCases cases;
    private final CasePhotoScans scans;

    PhotoForensicsController(AfterSalesCases cases, CasePhotoScans scans) {
        this.cases = cases;
        this.scans = scans;
    }

    @GetMapping(path = "/api/v1/cases/{caseId}/forensics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The forensic reports of the case's evidence photos, scanning now any photo not yet scanned against "
            + "the order's current listing photos and delivery time: provenance labels, C2PA, derivation from the listing photos "
            + "with edited regions, capture time against delivery, re-save traces. Each image's 'file' is its evidence id; "
            + "the form is docs/forensics-report.schema.json.")
    ResponseEntity<String> scan(Actor actor, @PathVariable UUID caseId) {
        actor.require(ActorKind.MERCHANT, ActorKind.REVIEWER, ActorKind.ADMIN, ActorKind.INTEGRATION);
        cases.partiesVisibleTo(caseId, actor);
        var reports = scans.scanCase(caseId).stream().map(CasePhotoScans.PhotoScan::report).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReportJson.toJson(reports));
    }
}
