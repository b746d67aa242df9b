/**
 * The risk decision on every after-sales request and every new evidence file: approve now, ask for named
 * evidence, send to a person, or reject (only where a confirmed restriction of the integrity ledger says
 * so). The synchronous decision reads only precomputed features and returns within the request; the
 * forensic checks of the evidence photos run asynchronously and may revise it. Each decision carries
 * reason codes in English and Simplified Chinese, the features and the policy version it used, and is
 * recorded on the case timeline. Policies are versioned; a candidate version can be replayed over past
 * decisions without touching live data.
 */
package dev.candor.risk;
