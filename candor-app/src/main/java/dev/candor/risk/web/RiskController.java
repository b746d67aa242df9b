package dev.candor.risk.web;

import dev.candor.risk.application.ManageRiskPolicies;
import dev.candor.risk.application.ManageStoreSettings;
import dev.candor.risk.application.ReadDecisions;
import dev.candor.risk.application.RecordAccountSignal;
import dev.candor.risk.application.ReplayPolicy;
import dev.candor.risk.infrastructure.RiskFacts;
import dev.candor.risk.infrastructure.RiskPolicies;
import dev.candor.risk.infrastructure.StoreSettings;
import dev.candor.risk.model.RiskPolicy;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Risk decisions on cases, risk policy versions with replay, and account signals from the order system. */
@RestController
@Validated
@Tag(name = "Risk decisions")
class RiskController {

    private final ReadDecisions decisions;
    private final ManageRiskPolicies policies;
    private final ReplayPolicy replay;
    private final RecordAccountSignal signals;
    private final ManageStoreSettings storeSettings;

    RiskController(ReadDecisions decisions, ManageRiskPolicies policies, ReplayPolicy replay, RecordAccountSignal signals,
                   ManageStoreSettings storeSettings) {
        this.decisions = decisions;
        this.policies = policies;
        this.replay = replay;
        this.signals = signals;
        this.storeSettings = storeSettings;
    }

    @GetMapping("/api/v1/cases/{caseId}/decisions")
    @Operation(summary = "Every risk decision on a case, first to last",
            description = """
                    The decision on the request, then one for each new evidence file, the forensic checks and confirmed \
                    merchant flags. Each carries reason codes with English and Chinese text, the evidence asked for and \
                    the policy version. The score and the features used are shown to the store, platform staff and the \
                    order system, not to the buyer.""")
    List<ReadDecisions.Viewed> history(Actor actor, @PathVariable UUID caseId) {
        return decisions.history(caseId, actor);
    }

    @GetMapping("/api/v1/risk/policies")
    @Operation(summary = "Risk policy versions, newest first, and which one is live")
    ManageRiskPolicies.Page list(Actor actor, @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return policies.list(actor, page, size);
    }

    @GetMapping("/api/v1/risk/policies/{version}")
    @Operation(summary = "One risk policy version")
    RiskPolicies.Version get(Actor actor, @PathVariable int version) {
        return policies.get(actor, version);
    }

    /** A complete policy document and a note saying why it changes. */
    record CandidateRequest(@NotBlank @Size(max = 500) String note, @NotNull RiskPolicy policy) {
    }

    @PostMapping("/api/v1/risk/policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a candidate policy version (ADMIN)",
            description = "Not live until published; replay it first to see what it would change.")
    RiskPolicies.Version add(Actor actor, @Valid @RequestBody CandidateRequest body) {
        return policies.addCandidate(actor, body.policy(), body.note());
    }

    @PostMapping("/api/v1/risk/policies/{version}/publication")
    @Operation(summary = "Publish a candidate: it decides every request from now on (ADMIN)")
    RiskPolicies.Version publish(Actor actor, @PathVariable int version) {
        return policies.publish(actor, version);
    }

    /** The period of past requests to replay over: requests decided at or after {@code from} and before {@code to}. */
    record ReplayRequest(@NotNull Instant from, @NotNull Instant to) {
    }

    @PostMapping("/api/v1/risk/policies/{version}/replays")
    @Operation(summary = "Replay a policy version over past requests (ADMIN, REVIEWER)",
            description = """
                    Re-decides each case of the period on the features its latest decision used and compares with what \
                    was decided: counts by outcome, money at stake, the cases that flip. Read-only: nothing live changes.""")
    ReplayPolicy.Report replay(Actor actor, @PathVariable int version, @Valid @RequestBody ReplayRequest body) {
        return replay.replay(actor, version, body.from(), body.to());
    }

    /** A fingerprint seen with a buyer; only its keyed hash is stored. */
    record SignalRequest(@NotBlank @Size(max = 128) String buyerId, @NotNull RiskFacts.LinkKind kind,
                         @NotBlank @Size(max = 1000) String value) {
    }

    @PostMapping("/api/v1/risk/account-signals")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report a device or payment fingerprint, address or phone seen with a buyer (order system)",
            description = "Links accounts that share it; Candor keeps an HMAC-SHA-256 of the value under a per-installation key, never the value.")
    void signal(Actor actor, @Valid @RequestBody SignalRequest body) {
        signals.record(actor, body.buyerId(), body.kind(), body.value());
    }

    @GetMapping("/api/v1/risk/stores/{storeId}/settings")
    @Operation(summary = "A store's risk settings (its merchant, the order system, staff)")
    StoreSettings.Settings settings(Actor actor, @PathVariable String storeId) {
        return storeSettings.get(actor, storeId);
    }

    /** {@code fastApproval}: an APPROVE_NOW decision approves the store's requests at once. */
    record SettingsRequest(@NotNull Boolean fastApproval) {
    }

    @PutMapping("/api/v1/risk/stores/{storeId}/settings")
    @Operation(summary = "Change a store's risk settings (its merchant, the order system, admins)",
            description = """
                    With fastApproval on, a request decided APPROVE_NOW (once its photos, if any, are checked) is approved \
                    at once: refund-only to refunding (the webhook case.refund-requested asks the order system to refund), \
                    returns and exchanges to awaiting the return. Off by default: the decision only informs.""")
    StoreSettings.Settings changeSettings(Actor actor, @PathVariable String storeId, @Valid @RequestBody SettingsRequest body) {
        return storeSettings.put(actor, storeId, body.fastApproval());
    }
}
