package dev.candor.commerce.web;

import dev.candor.commerce.application.UpsertStore;
import dev.candor.commerce.application.ViewCommerceRecords;
import dev.candor.commerce.model.Store;
import dev.candor.commerce.web.CommerceViews.OrderView;
import dev.candor.commerce.web.CommerceViews.PageView;
import dev.candor.commerce.web.CommerceViews.StoreView;
import dev.candor.shared.error.CandorException;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/stores")
@Tag(name = "Commerce intake", description = "What the order system pushes: stores, listings, buyers, orders, shipments")
class StoresController {

    private static final int MAX_PAGE_SIZE = 200;

    private final UpsertStore upsertStore;
    private final ViewCommerceRecords records;

    StoresController(UpsertStore upsertStore, ViewCommerceRecords records) {
        this.upsertStore = upsertStore;
        this.records = records;
    }

    record StoreRequest(@NotBlank @Size(max = 200) String name) {
    }

    @PutMapping("/{storeId}")
    @Operation(summary = "Create or update a store (order system)",
            description = "201 when created; 200 with changed=false when nothing changed, which writes nothing.")
    ResponseEntity<PushAnswer<StoreView>> put(Actor actor, @PathVariable String storeId,
                                              @Valid @RequestBody StoreRequest request) {
        Store store = new Store(PathIds.check("storeId", storeId), request.name());
        return PushAnswer.of(upsertStore.upsert(actor, store), StoreView::of, "/api/v1/stores/{id}", storeId);
    }

    @GetMapping("/{storeId}")
    @Operation(summary = "Read a store")
    StoreView get(Actor actor, @PathVariable String storeId) {
        return StoreView.of(records.store(actor, storeId));
    }

    @GetMapping("/{storeId}/orders")
    @Operation(summary = "A page of a store's orders, the most recently paid first")
    PageView<OrderView> orders(Actor actor, @PathVariable String storeId,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw CandorException.invalid("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        var result = records.storeOrders(actor, storeId, page, size);
        return new PageView<>(result.orders().stream().map(OrderView::of).toList(), result.page(), result.size(),
                result.total());
    }
}
