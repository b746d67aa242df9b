/**
 * Photo reuse: every claim photo's and every listing photo's PDQ hash in one index, searched with a photo's
 * eight dihedral hashes for near copies (distance at most 31) among other buyers' earlier claims and all
 * listing photos. PostgreSQL ({@code photo_hashes}) is the source of truth; each node holds an in-memory
 * multi-index ({@code candor-forensics}' {@code PdqIndex}) loaded at start and kept current by polling.
 */
package dev.candor.photoreuse;
