package dev.candor.forensics.c2pa;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2PA manifest store read from its JUMBF superbox: the manifests in file order (the last is the active one),
 * each with its claim (v1 {@code c2pa.claim} or v2 {@code c2pa.claim.v2}), assertion store and signature.
 */
public record ManifestStore(Jumbf.Superbox root, List<Manifest> manifests) {

    static final CBORMapper CBOR = CBORMapper.builder().build();

    public record Manifest(String label, Jumbf.Superbox box, byte[] claimBytes, JsonNode claim, int claimVersion,
                           Jumbf.Superbox assertions, byte[] signatureBytes) {

        public String claimGenerator() {
            JsonNode generator = claim.get("claim_generator");
            if (generator != null && generator.isString()) {
                return generator.asString();
            }
            JsonNode info = claim.get("claim_generator_info");
            JsonNode first = info == null ? null : info.isArray() ? info.get(0) : info;
            if (first == null || first.get("name") == null) {
                return null;
            }
            String name = first.get("name").asString();
            JsonNode version = first.get("version");
            return version == null ? name : name + "/" + version.asString();
        }

        /** Hashed URIs of every assertion the claim lists. */
        public List<JsonNode> assertionReferences() {
            List<JsonNode> refs = new ArrayList<>();
            for (String field : claimVersion == 1 ? List.of("assertions") : List.of("created_assertions", "gathered_assertions")) {
                JsonNode list = claim.get(field);
                if (list != null && list.isArray()) {
                    list.forEach(refs::add);
                }
            }
            return refs;
        }

        /** The claim's hash algorithm, {@code null} when the claim names none. */
        public String defaultAlg() {
            JsonNode alg = claim.get("alg");
            return alg == null ? null : alg.asString();
        }

        /** Assertions whose label, without an {@code __n} instance suffix, is one of {@code labels}. */
        public List<Jumbf.Superbox> assertions(String... labels) {
            List<Jumbf.Superbox> found = new ArrayList<>();
            if (assertions == null) {
                return found;
            }
            for (Jumbf.Superbox a : assertions.boxes()) {
                String label = a.label() == null ? "" : a.label().replaceFirst("__\\d+$", "");
                for (String l : labels) {
                    if (label.equals(l)) {
                        found.add(a);
                    }
                }
            }
            return found;
        }
    }

    public Manifest active() {
        return manifests.getLast();
    }

    public static ManifestStore read(byte[] jumbf) throws C2paException {
        Jumbf.Superbox root = Jumbf.parse(jumbf);
        if (!root.typeName().equals("c2pa")) {
            throw new C2paException("claim.malformed", "the JUMBF store is not a C2PA manifest store");
        }
        List<Manifest> manifests = new ArrayList<>();
        for (Jumbf.Superbox m : root.boxes()) {
            if (!m.typeName().equals("c2ma") && !m.typeName().equals("c2um")) {
                continue;
            }
            Jumbf.Superbox claimBox = m.child("c2pa.claim.v2");
            int version = 2;
            if (claimBox == null) {
                claimBox = m.child("c2pa.claim");
                version = 1;
            }
            if (claimBox == null || claimBox.content("cbor") == null) {
                throw new C2paException("claim.missing", "manifest " + m.label() + " has no claim");
            }
            byte[] claimBytes = claimBox.content("cbor").data();
            JsonNode claim = cbor(claimBytes);
            if (!claim.isObject()) {
                throw new C2paException("claim.malformed", "the claim of " + m.label() + " is not a CBOR map");
            }
            Jumbf.Superbox signature = m.child("c2pa.signature");
            byte[] signatureBytes = signature == null || signature.content("cbor") == null ? null : signature.content("cbor").data();
            manifests.add(new Manifest(m.label(), m, claimBytes, claim, version, m.child("c2pa.assertions"), signatureBytes));
        }
        if (manifests.isEmpty()) {
            throw new C2paException("claim.missing", "the C2PA store holds no manifest");
        }
        return new ManifestStore(root, List.copyOf(manifests));
    }

    static JsonNode cbor(byte[] data) throws C2paException {
        try {
            JsonNode node = CBOR.readTree(data);
            if (node == null) {
                throw new C2paException("claim.malformed", "empty CBOR");
            }
            return node;
        } catch (JacksonException e) {
            throw new C2paException("claim.malformed", "unreadable CBOR: " + e.getOriginalMessage());
        }
    }

    /** Resolves a {@code self#jumbf=} URI, absolute ({@code /c2pa/<manifest>/...}) or relative to {@code from}. */
    public Jumbf.Superbox resolve(String uri, Manifest from) {
        if (uri == null || !uri.startsWith("self#jumbf=")) {
            return null;
        }
        String path = uri.substring("self#jumbf=".length());
        Jumbf.Superbox box;
        String[] parts;
        if (path.startsWith("/")) {
            parts = path.substring(1).split("/");
            if (parts.length == 0 || !parts[0].equals(root.label())) {
                return null;
            }
            box = root;
            parts = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        } else {
            box = from.box();
            parts = path.split("/");
        }
        for (String part : parts) {
            if (box == null) {
                return null;
            }
            box = box.child(part);
        }
        return box;
    }
}
