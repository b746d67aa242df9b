/**
 * The evidence rules as pure Java: which file types are allowed and how they are recognized from their
 * bytes, the limits per kind, image dimensions read from headers, and ISO BMFF (MP4/MOV) box handling.
 * A rejected file is a {@link dev.candor.evidence.model.Rejection} value, not an exception.
 */
package dev.candor.evidence.model;
