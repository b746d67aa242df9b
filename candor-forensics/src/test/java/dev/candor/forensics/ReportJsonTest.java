package dev.candor.forensics;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON output and the published schema in docs/ must describe the same fields. */
class ReportJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode schema() throws Exception {
        return MAPPER.readTree(Files.readString(Path.of("../docs/forensics-report.schema.json")));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void everyFieldOfTheOutputIsDeclaredAndRequiredInTheSchema() throws Exception {
        Scanner scanner = Forensics.scanner(ScanConfig.defaults());
        Listing listing = scanner.listing("l.jpg", Fixtures.bytes("threatexchange-pdq/dih/bridge-1-original.jpg"));
        ForensicReport report = scanner.scan("e.jpg", Fixtures.bytes("threatexchange-pdq/bridge-mods/blur-a-little.jpg"),
                new ScanContext(List.of(listing), null));

        JsonNode doc = MAPPER.readTree(ReportJson.toJson(List.of(report)));
        JsonNode image = doc.get("images").get(0);
        JsonNode defs = schema().get("$defs").get("image");

        assertThat(doc.get("schemaVersion").asString()).isEqualTo(ReportJson.SCHEMA_VERSION);
        assertThat(names(image)).isEqualTo(names(defs.get("properties")));
        assertThat(names(image.get("provenance"))).isEqualTo(names(defs.get("properties").get("provenance").get("properties")));
        assertThat(names(image.get("provenance").get("c2pa")))
                .isEqualTo(names(defs.get("properties").get("provenance").get("properties").get("c2pa").get("properties")));
        assertThat(names(image.get("pdq"))).isEqualTo(names(defs.get("properties").get("pdq").get("oneOf").get(1).get("properties")));
        assertThat(names(image.get("listingMatches").get(0)))
                .isEqualTo(names(defs.get("properties").get("listingMatches").get("items").get("properties")));
        assertThat(names(image.get("findings").get(0)))
                .isEqualTo(names(defs.get("properties").get("findings").get("items").get("properties")));
        Set<String> required = new HashSet<>();
        defs.get("required").forEach(n -> required.add(n.asString()));
        assertThat(required).isEqualTo(names(image));
    }

    @Test
    void theSchemaListsEveryVerdictAndStrength() throws Exception {
        JsonNode props = schema().get("$defs").get("image").get("properties");
        Set<String> verdicts = new HashSet<>();
        props.get("verdict").get("enum").forEach(n -> verdicts.add(n.asString()));
        Set<String> strengths = new HashSet<>();
        props.get("findings").get("items").get("properties").get("strength").get("enum").forEach(n -> strengths.add(n.asString()));

        assertThat(verdicts).containsExactlyInAnyOrderElementsOf(List.of(Verdict.values()).stream().map(Enum::name).toList());
        assertThat(strengths).containsExactlyInAnyOrderElementsOf(List.of(Strength.values()).stream().map(Enum::name).toList());
    }
}
