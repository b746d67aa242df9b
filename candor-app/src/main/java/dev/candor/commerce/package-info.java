/**
 * Commerce: what the order system pushes to Candor — stores, listings with their photos, buyers with
 * contact details, orders, shipments and tracking events — stored under the order system's own ids by
 * idempotent upserts. Other modules read it through {@link dev.candor.commerce.Commerce}; merchants only
 * ever see buyer details through {@link dev.candor.commerce.BuyerContact#masked()}.
 */
package dev.candor.commerce;
