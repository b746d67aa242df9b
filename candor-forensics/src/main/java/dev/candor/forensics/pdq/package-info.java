/**
 * PDQ perceptual hashing after Meta's published algorithm, with the eight dihedral hashes, bit-exact with the Java reference on the same pixels.
 */
package dev.candor.forensics.pdq;
