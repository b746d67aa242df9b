package dev.candor.forensics;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of scan reports: {@code {"schemaVersion": "1.1", "images": [report...]}}, described by
 * {@code docs/forensics-report.schema.json}. Byte arrays (heat maps) are base64; absent values are {@code null}.
 */
public final class ReportJson {

    /** Bumped on every incompatible change of the JSON form; additions bump the minor number. */
    public static final String SCHEMA_VERSION = "1.1";

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    public static String toJson(List<ForensicReport> reports) {
        return MAPPER.writeValueAsString(document(reports));
    }

    /** Writes the document to {@code out} without closing it. */
    public static void write(List<ForensicReport> reports, OutputStream out) {
        MAPPER.writer().without(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).writeValue(out, document(reports));
    }

    private static Map<String, Object> document(List<ForensicReport> reports) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("images", reports);
        return doc;
    }
}
