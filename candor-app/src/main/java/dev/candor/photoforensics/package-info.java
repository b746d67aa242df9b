/**
 * The service's one adapter to the {@code candor-forensics} library: scans a case's evidence photos
 * against the seller's listing photos for the order and the delivery time, and hands the findings to
 * whoever needs them (abuse reports now; the asynchronous decision stage of issue #5 later).
 */
package dev.candor.photoforensics;
