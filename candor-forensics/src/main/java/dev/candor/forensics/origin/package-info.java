/**
 * Declared origin outside C2PA: the GB 45438-2025 implicit label in its carriers, the IPTC digital source type, generator metadata and editing-software traces, over a hardened XMP reader and metadata-extractor's EXIF.
 */
package dev.candor.forensics.origin;
