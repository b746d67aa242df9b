/**
 * Abuse reports feeding the integrity ledger: merchants report a buyer's abuse from a case or an order,
 * the platform files reports from its judgments (confirmed at once) and from automatic detections, and
 * reviewers confirm or reject each pending report within a time limit, citing a rule. A confirmation
 * records the ledger entry in the same transaction. Each store's report accuracy over a rolling window
 * puts it in a complainant tier that orders the review queue and weighs its reports before review; a
 * store that becomes malicious is itself reported, for a reviewer to confirm.
 */
package dev.candor.reports;
