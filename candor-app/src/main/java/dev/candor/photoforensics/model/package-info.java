/**
 * The forensic stage's rules in plain Java: how the forensics library's findings and the photo-reuse matches
 * become graded signals, and when a failed scan is tried again.
 */
package dev.candor.photoforensics.model;
