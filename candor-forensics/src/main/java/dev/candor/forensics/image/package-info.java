/**
 * Guarded decoding: format sniffing, header limits, time-limited ImageIO decoding, the 1/8-scale JPEG DC decoder, and pixel helpers.
 */
package dev.candor.forensics.image;
