package dev.candor.commerce;

/**
 * A buyer's contact details. Merchants only ever receive {@link #masked()}: the buyer's privacy is not
 * the merchant's to hold (see PRODUCT.md, buyer privacy).
 */
public record BuyerContact(String id, String name, String phone, String address) {

    /** The same buyer with name, phone and address masked, for merchants. */
    public BuyerContact masked() {
        return new BuyerContact(id, Masking.name(name), Masking.phone(phone), Masking.address(address));
    }
}
