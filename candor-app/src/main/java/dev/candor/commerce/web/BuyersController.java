package dev.candor.commerce.web;

import dev.candor.commerce.application.UpsertBuyer;
import dev.candor.commerce.application.ViewCommerceRecords;
import dev.candor.commerce.model.Buyer;
import dev.candor.commerce.web.CommerceViews.BuyerView;
import dev.candor.shared.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/buyers")
@Tag(name = "Commerce intake")
class BuyersController {

    private final UpsertBuyer upsertBuyer;
    private final ViewCommerceRecords records;

    BuyersController(UpsertBuyer upsertBuyer, ViewCommerceRecords records) {
        this.upsertBuyer = upsertBuyer;
        this.records = records;
    }

    record BuyerRequest(@NotBlank @Size(max = 200) String name,
                        @NotBlank @Pattern(regexp = "[0-9+()\\- ]{3,40}", message = "must be a phone number") String phone,
                        @NotBlank @Size(max = 500) String address,
                        @Email @Size(max = 254) String email) {
    }

    @PutMapping("/{buyerId}")
    @Operation(summary = "Create or update a buyer with contact details (order system)",
            description = "Merchants only ever see these masked; the audit log keeps them masked too.")
    ResponseEntity<PushAnswer<BuyerView>> put(Actor actor, @PathVariable String buyerId,
                                              @Valid @RequestBody BuyerRequest request) {
        Buyer buyer = new Buyer(PathIds.check("buyerId", buyerId), request.name(), request.phone(),
                request.address(), request.email());
        return PushAnswer.of(upsertBuyer.upsert(actor, buyer), BuyerView::of, "/api/v1/buyers/{id}", buyerId);
    }

    @GetMapping("/{buyerId}")
    @Operation(summary = "Read a buyer",
            description = "Platform staff and the order system see all; a merchant a buyer of its stores, masked; a buyer themself.")
    BuyerView get(Actor actor, @PathVariable String buyerId) {
        return BuyerView.of(records.buyer(actor, buyerId));
    }
}
