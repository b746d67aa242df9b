package dev.candor.commerce.model;

import dev.candor.commerce.BuyerContact;
import dev.candor.commerce.Masking;
import java.util.LinkedHashMap;
import java.util.Map;

/** A buyer with contact details; {@code email} may be {@code null}. */
public record Buyer(String id, String name, String phone, String address, String email) implements Pushed {

    public BuyerContact contact() {
        return new BuyerContact(id, name, phone, address);
    }

    /** What a merchant may see: name, phone and address masked, no email. */
    public Buyer maskedForMerchant() {
        BuyerContact masked = contact().masked();
        return new Buyer(id, masked.name(), masked.phone(), masked.address(), null);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("phone", phone);
        state.put("address", address);
        state.put("email", email);
        return state;
    }

    /** The audit log is append-only and kept for good, so it never holds a buyer's full contact details. */
    @Override
    public Map<String, Object> auditedState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", Masking.name(name));
        state.put("phone", Masking.phone(phone));
        state.put("address", Masking.address(address));
        state.put("email", Masking.email(email));
        return state;
    }
}
