/**
 * C2PA content credentials: JUMBF parsing, manifest stores and claims (v1 and v2), and validation of hashed URIs, the data-hash binding, the COSE_Sign1 signature, the certificate chain and the RFC 3161 timestamp, reported under c2pa-rs validation codes.
 */
package dev.candor.forensics.c2pa;
