/**
 * Container walkers for JPEG segments, PNG chunks and WebP RIFF chunks: header dimensions and metadata blocks before any pixel is decoded; they never throw on malformed input.
 */
package dev.candor.forensics.container;
