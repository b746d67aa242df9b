/**
 * Commerce data pushed by the order system (stores, listings, buyers, orders, shipments, tracking), kept
 * as the order system last sent it, and read by the other modules through {@link dev.candor.commerce.Commerce}.
 */
package dev.candor.commerce;
