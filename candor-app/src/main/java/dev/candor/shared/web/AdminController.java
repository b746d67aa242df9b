package dev.candor.shared.web;

import dev.candor.shared.audit.AuditChain;
import dev.candor.shared.audit.AuditLog;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import dev.candor.shared.security.ActorKind;
import dev.candor.shared.security.ApiKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform administration: principals and their API keys, and the audit chain check. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
class AdminController {

    private final ApiKeys apiKeys;
    private final AuditLog audit;
    private final AuditChain chain;

    AdminController(ApiKeys apiKeys, AuditLog audit, AuditChain chain) {
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.chain = chain;
    }

    record CreatePrincipal(@NotNull ActorKind kind, @NotBlank @Size(max = 200) String displayName,
                           Set<@NotBlank String> storeIds, @Size(max = 200) String buyerId) {
    }

    record CreatedPrincipal(String id, ActorKind kind, String displayName, Set<String> storeIds, String buyerId,
                            String keyId, String token) {
    }

    @PostMapping("/principals")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a principal with its first API key",
            description = "The token is returned once and never stored; keep it. Merchants need storeIds, buyers a buyerId.")
    CreatedPrincipal createPrincipal(Actor admin, @Valid @RequestBody CreatePrincipal request) {
        admin.require(ActorKind.ADMIN);
        Set<String> stores = request.storeIds() == null ? Set.of() : request.storeIds();
        if (request.kind() == ActorKind.SYSTEM) {
            throw CandorException.invalid("SYSTEM is not a principal kind");
        }
        if ((request.kind() == ActorKind.MERCHANT) == stores.isEmpty()) {
            throw CandorException.invalid("storeIds are required for a MERCHANT and not allowed for other kinds");
        }
        if ((request.kind() == ActorKind.BUYER) == (request.buyerId() == null || request.buyerId().isBlank())) {
            throw CandorException.invalid("buyerId is required for a BUYER and not allowed for other kinds");
        }
        ApiKeys.Issued issued = apiKeys.createPrincipal(request.kind(), request.displayName(), stores, request.buyerId(), admin.id());
        Actor created = issued.actor();
        audit.append(admin, "principal.created", "principal", created.id(),
                Map.of("kind", created.kind().name(), "storeIds", stores, "keyId", issued.keyId()));
        return new CreatedPrincipal(created.id(), created.kind(), created.displayName(), created.storeIds(), created.buyerId(),
                issued.keyId(), issued.token());
    }

    @DeleteMapping("/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "Revoke an API key at once")
    void revokeKey(Actor admin, @PathVariable String keyId) {
        admin.require(ActorKind.ADMIN);
        if (!apiKeys.revoke(keyId)) {
            throw CandorException.notFound("API key", keyId);
        }
        audit.append(admin, "api-key.revoked", "api-key", keyId, Map.of());
    }

    @GetMapping("/audit/verification")
    @Operation(summary = "Seal the audit rows committed so far, then verify the seal chain from the first seal to the head",
            description = "A changed, removed or reordered sealed row breaks the chain. unsealedRows counts rows appended "
                    + "but not yet sealed when the check read the log (committed during the check): they are tamper-evident "
                    + "only once sealed, normally within a second.")
    AuditChain.Verification verifyAudit(Actor admin) {
        admin.require(ActorKind.ADMIN);
        return chain.sealAndVerify();
    }
}
