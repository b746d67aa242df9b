/**
 * Derivation from a seller's listing photo: dihedral-aware PDQ candidates, crop-and-scale alignment by normalised cross-correlation, and location of edited regions with a heat map.
 */
package dev.candor.forensics.listing;
