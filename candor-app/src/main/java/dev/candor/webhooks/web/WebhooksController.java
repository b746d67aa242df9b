package dev.candor.webhooks.web;

import dev.candor.shared.security.Actor;
import dev.candor.webhooks.application.DeactivateWebhook;
import dev.candor.webhooks.application.ListDeliveries;
import dev.candor.webhooks.application.ListWebhooks;
import dev.candor.webhooks.application.Page;
import dev.candor.webhooks.application.RedeliverEvent;
import dev.candor.webhooks.application.SubscribeWebhook;
import dev.candor.webhooks.model.Delivery;
import dev.candor.webhooks.model.Subscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their delivery log. ADMIN only. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
@Tag(name = "Webhooks", description = "Signed outbound events for the order system")
class WebhooksController {

    private final SubscribeWebhook subscribe;
    private final DeactivateWebhook deactivate;
    private final ListWebhooks listWebhooks;
    private final ListDeliveries listDeliveries;
    private final RedeliverEvent redeliver;

    WebhooksController(SubscribeWebhook subscribe, DeactivateWebhook deactivate, ListWebhooks listWebhooks,
                       ListDeliveries listDeliveries, RedeliverEvent redeliver) {
        this.subscribe = subscribe;
        this.deactivate = deactivate;
        this.listWebhooks = listWebhooks;
        this.listDeliveries = listDeliveries;
        this.redeliver = redeliver;
    }

    record CreateSubscription(
            @NotBlank @Size(max = 2000) String url,
            @Size(max = 50) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9.-]*",
                    message = "must be a dotted lower-case event type such as case.created") String> eventTypes,
            @Size(max = 1000) List<@NotBlank @Size(max = 200) String> storeIds) {
    }

    /** A subscription; {@code secret} only in the response that created it. */
    record SubscriptionView(UUID id, String url, List<String> eventTypes, List<String> storeIds, boolean active,
                            Instant createdAt, Instant deactivatedAt, String secret) {

        static SubscriptionView of(Subscription s, String secret) {
            return new SubscriptionView(s.id(), s.url().toString(), s.eventTypes().stream().sorted().toList(),
                    s.storeIds().stream().sorted().toList(), s.active(), s.createdAt(), s.deactivatedAt(), secret);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a receiver URL to events",
            description = """
                    Empty or missing eventTypes means every type; empty or missing storeIds means every store (and \
                    events that concern no store). The response carries the signing secret, shown this once: Candor \
                    keeps it as is, because it needs it to sign every delivery.""")
    SubscriptionView create(Actor actor, @Valid @RequestBody CreateSubscription request) {
        SubscribeWebhook.Subscribed created = subscribe.subscribe(actor, request.url(), toSet(request.eventTypes()),
                toSet(request.storeIds()));
        return SubscriptionView.of(created.subscription(), created.secret().value());
    }

    @GetMapping
    @Operation(summary = "List subscriptions, newest first (without secrets)")
    Page<SubscriptionView> list(Actor actor,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<Subscription> found = listWebhooks.list(actor, page, size);
        return new Page<>(found.items().stream().map(s -> SubscriptionView.of(s, null)).toList(), page, size, found.total());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate a subscription", description = "Its pending deliveries are no longer sent.")
    void delete(Actor actor, @PathVariable UUID id) {
        deactivate.deactivate(actor, id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription",
            description = "Deliveries newest first; each lists every attempt with its time, status code or error, and duration.")
    Page<Delivery> deliveries(Actor actor, @PathVariable UUID id,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return listDeliveries.list(actor, id, page, size);
    }

    @PostMapping("/deliveries/{outboxId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again",
            description = "Makes a delivered or dead delivery pending and due now, with a fresh series of attempts.")
    Delivery redeliver(Actor actor, @PathVariable UUID outboxId) {
        return redeliver.redeliver(actor, outboxId);
    }

    private static Set<String> toSet(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
