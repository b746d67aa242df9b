/**
 * The service's one adapter to the {@code candor-forensics} library, and the asynchronous forensic stage of
 * issue #5: every evidence photo queues a scan of its case (a job in PostgreSQL, claimed by any node), which
 * scans the photos against the seller's listing photos and the delivery time, asks the photo-reuse index,
 * grades the findings into signals and publishes them for the risk decision. Each photo's report is stored,
 * so the one-click check and the abuse reports read it instead of scanning again.
 */
package dev.candor.photoforensics;
