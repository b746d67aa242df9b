/**
 * Evidence files on after-sales cases: photos, short videos and chat exports uploaded by the case's
 * parties. Every file is checked on its bytes (type sniffed from magic bytes, size limit per kind, image
 * dimensions read from the header before decoding), its original is kept in the restricted
 * {@code evidence-originals} blob area under its SHA-256, and merchants are only ever served a copy
 * without metadata (photos re-encoded, videos with their metadata boxes blanked). The module implements
 * {@link dev.candor.aftersales.EvidenceCatalog} so that case timelines cite only a case's own evidence.
 */
package dev.candor.evidence;
