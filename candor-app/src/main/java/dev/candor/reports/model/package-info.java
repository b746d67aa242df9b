/**
 * The abuse report and the complainant-quality policy in plain Java: how a store's report accuracy
 * becomes a tier and a weight, and how the review queue is ordered.
 */
package dev.candor.reports.model;
