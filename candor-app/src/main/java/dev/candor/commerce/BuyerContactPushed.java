package dev.candor.commerce;

/**
 * The order system pushed a buyer's contact details and they were new or changed (in-process only; it
 * carries personal data and never leaves the service). The risk module keeps keyed hashes of them to link
 * accounts.
 */
public record BuyerContactPushed(String buyerId, String phone, String address) {
}
