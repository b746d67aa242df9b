/**
 * Timeline and re-save traces: capture time against delivery, EXIF thumbnail against the image, camera metadata, JPEG quantization tables, and error level analysis as a hint.
 */
package dev.candor.forensics.trace;
