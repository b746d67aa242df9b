/**
 * The ledger's rules in plain Java: the penalty policy document and its validation, entry statuses, and
 * the derivation of restrictions and the merchant ladder from the points that still count.
 */
package dev.candor.integrity.model;
