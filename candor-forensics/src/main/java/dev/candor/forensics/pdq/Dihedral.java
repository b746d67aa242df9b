package dev.candor.forensics.pdq;

/** The eight rotations and flips of an image, in the order Meta's {@code --pdqdih} tools print them. */
public enum Dihedral {
    ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS_1, FLIP_MINUS_1
}
