package dev.candor.integrity.web;

import dev.candor.integrity.application.IntegrityViews.Page;
import dev.candor.integrity.application.PublishPolicy;
import dev.candor.integrity.application.ReadRecords;
import dev.candor.integrity.infrastructure.PenaltyPolicies;
import dev.candor.integrity.model.PenaltyPolicy;
import dev.candor.integrity.model.PenaltyPolicy.Setting;
import dev.candor.integrity.model.PenaltyPolicy.Threshold;
import dev.candor.integrity.model.PenaltyPolicy.TypePoints;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Penalty policy versions. ADMIN only; the version in force is readable by all at /api/v1/integrity/policy. */
@RestController
@RequestMapping("/api/v1/admin/integrity/policies")
@Validated
@Tag(name = "Integrity ledger")
class PoliciesController {

    private final PublishPolicy publish;
    private final ReadRecords records;

    PoliciesController(PublishPolicy publish, ReadRecords records) {
        this.publish = publish;
        this.records = records;
    }

    /** A complete policy document (durations as ISO-8601, such as P30D) and a note saying why it changes. */
    record PolicyRequest(@NotBlank @Size(max = 500) String note, @NotEmpty @Size(max = 50) List<TypePoints> points,
                         @NotNull Setting decay, @NotNull Setting appealWindow, @NotNull Setting reviewLimit,
                         @NotEmpty @Size(max = 50) List<Threshold> buyerRestrictions,
                         @NotEmpty @Size(max = 50) List<Threshold> merchantLadder) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new penalty policy version",
            description = """
                    Applies to entries recorded and restrictions started from now on; entries and restrictions made under \
                    earlier versions keep theirs. Every value needs a basis ("Candor default" or the rule it follows); the \
                    merchant ladder lists its five steps in order with rising thresholds.""")
    PenaltyPolicies.Version publish(Actor actor, @Valid @RequestBody PolicyRequest body) {
        return publish.publish(actor, new PenaltyPolicy(body.points(), body.decay(), body.appealWindow(), body.reviewLimit(),
                body.buyerRestrictions(), body.merchantLadder()), body.note());
    }

    @GetMapping
    @Operation(summary = "Every published version, newest first")
    Page<PenaltyPolicies.Version> list(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return records.policies(actor, page, size);
    }

    @GetMapping("/{version}")
    @Operation(summary = "One published version")
    PenaltyPolicies.Version get(Actor actor, @PathVariable int version) {
        return records.policy(actor, version);
    }
}
