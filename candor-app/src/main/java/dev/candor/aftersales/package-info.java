/**
 * After-sales cases: a buyer's request for refund only, return and refund, or exchange, moved through
 * one explicit lifecycle ({@link dev.candor.aftersales.model.Lifecycle}) by the merchant, the buyer, the
 * platform, the order system and Candor's own time limits, with a timeline entry, an audit entry and an
 * outbound event for every move. The base package is the module's API for other modules.
 */
package dev.candor.aftersales;
