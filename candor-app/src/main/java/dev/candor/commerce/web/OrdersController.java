package dev.candor.commerce.web;

import dev.candor.commerce.OrderSnapshot.OrderLine;
import dev.candor.commerce.application.UpsertOrder;
import dev.candor.commerce.application.ViewCommerceRecords;
import dev.candor.commerce.model.Order;
import dev.candor.commerce.web.CommerceViews.OrderView;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Commerce intake")
class OrdersController {

    private final UpsertOrder upsertOrder;
    private final ViewCommerceRecords records;

    OrdersController(UpsertOrder upsertOrder, ViewCommerceRecords records) {
        this.upsertOrder = upsertOrder;
        this.records = records;
    }

    record LineRequest(@OrderSystemId String listingId, @NotBlank @Size(max = 500) String title,
                       @NotBlank @Size(max = 100) String category, @NotNull @Positive Integer quantity,
                       @NotNull @PositiveOrZero Long unitPriceCents) {
    }

    /** Amounts in minor units of {@code currency}; times are ISO-8601 instants. */
    record OrderRequest(@OrderSystemId String storeId, @OrderSystemId String buyerId,
                        @NotEmpty @Size(max = 500) List<@NotNull @Valid LineRequest> lines,
                        @NotNull @PositiveOrZero Long totalCents, @NotNull @IsoCurrency String currency,
                        @NotNull @Microseconds Instant paidAt, @Microseconds Instant shippedAt,
                        @Microseconds Instant deliveredAt) {
    }

    @PutMapping("/{orderId}")
    @Operation(summary = "Create or update an order of a known store and buyer (order system)",
            description = "Its store and buyer cannot change once pushed. The order's category is its first line's.")
    ResponseEntity<PushAnswer<OrderView>> put(Actor actor, @PathVariable String orderId,
                                              @Valid @RequestBody OrderRequest request) {
        Order order = new Order(PathIds.check("orderId", orderId), request.storeId(), request.buyerId(),
                request.lines().stream().map(l -> new OrderLine(l.listingId(), l.title(), l.category(), l.quantity(),
                        l.unitPriceCents())).toList(),
                request.totalCents(), request.currency(), request.paidAt(), request.shippedAt(), request.deliveredAt());
        return PushAnswer.of(upsertOrder.upsert(actor, order), OrderView::of, "/api/v1/orders/{id}", orderId);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "Read an order with its lines, buyer (masked for merchants) and shipments")
    OrderView get(Actor actor, @PathVariable String orderId) {
        return OrderView.of(records.order(actor, orderId));
    }
}
