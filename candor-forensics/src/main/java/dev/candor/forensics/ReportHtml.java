package dev.candor.forensics;

import dev.candor.forensics.container.Container;
import dev.candor.forensics.container.Containers;
import dev.candor.forensics.image.DecodeLimits;
import dev.candor.forensics.image.Decoded;
import dev.candor.forensics.image.Pixels;
import dev.candor.forensics.image.SafeDecoder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * A self-contained HTML page for one report, for a merchant to attach to a dispute: verdict, the evidence photo
 * beside the matched listing photo with edited regions outlined, the heat map, and every finding in plain words.
 * Images are embedded as data URIs (reduced to at most 900 pixels); the page loads nothing from the network. Every
 * string from the report is escaped, so a report built by other code (or a custom check's data) cannot inject markup.
 */
public final class ReportHtml {

    private static final int PREVIEW_SIDE = 900;
    private static final SafeDecoder DECODER = new SafeDecoder(DecodeLimits.DEFAULT);

    private ReportHtml() {
    }

    /**
     * @param report   the report to render
     * @param evidence the scanned file's bytes, or {@code null} to render without the photo
     * @param listings listing photo bytes by the name used in the report; only matched ones are shown
     */
    public static String render(ForensicReport report, byte[] evidence, Map<String, byte[]> listings) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence report: ")
                .append(esc(report.file())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}")
                .append("h1{font-size:1.4em}.verdict{display:inline-block;padding:.3em .7em;border-radius:4px;background:#333;color:#fff}")
                .append(".photos{display:flex;gap:1em;flex-wrap:wrap}.photos figure{margin:0;flex:1;min-width:300px}")
                .append(".photos svg,.photos img{width:100%;height:auto;border:1px solid #ccc}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}")
                .append(".CONCLUSIVE{background:#b00020;color:#fff}.STRONG{background:#e65100;color:#fff}")
                .append(".MODERATE{background:#f9a825}.HINT{background:#cfd8dc}.s{padding:.1em .5em;border-radius:3px;font-size:.85em}")
                .append("code{word-break:break-all}</style></head><body>");
        h.append("<h1>Evidence report: ").append(esc(report.file())).append("</h1>");
        h.append("<p><span class=\"verdict\">").append(esc(verdictText(report.verdict()))).append("</span></p>");
        h.append("<table><tr><th>File SHA-256</th><td><code>").append(esc(String.valueOf(report.sha256())))
                .append("</code></td></tr><tr><th>Format</th><td>").append(esc(report.format())).append(' ')
                .append(report.width()).append('×').append(report.height()).append("</td></tr>");
        if (report.pdq() != null) {
            h.append("<tr><th>PDQ hash</th><td><code>").append(esc(String.valueOf(report.pdq().hash()))).append("</code> (quality ")
                    .append(report.pdq().quality()).append(")</td></tr>");
        }
        ForensicReport.C2pa c2pa = report.provenance().c2pa();
        if (c2pa.present()) {
            h.append("<tr><th>C2PA</th><td>").append(esc(String.valueOf(c2pa.claimGenerator()))).append("<br>")
                    .append(esc(String.join(", ", c2pa.validationCodes()))).append("</td></tr>");
        }
        if (report.provenance().aigcLabel() != null) {
            ForensicReport.AigcLabel l = report.provenance().aigcLabel();
            h.append("<tr><th>GB 45438 label</th><td>Label ").append(esc(String.valueOf(l.label()))).append(", producer ")
                    .append(esc(String.valueOf(l.contentProducer()))).append(", id ").append(esc(String.valueOf(l.produceId())))
                    .append(" (").append(esc(l.carrier())).append(")</td></tr>");
        }
        h.append("</table>");
        photos(h, report, evidence, listings);
        h.append("<h2>Findings</h2><table><tr><th>Strength</th><th>Finding</th><th>Check</th></tr>");
        for (Finding f : report.findings()) {
            h.append("<tr><td><span class=\"s ").append(f.strength()).append("\">").append(f.strength()).append("</span></td><td>")
                    .append(esc(f.summary()));
            String map = f.data().get("heatMapPng");
            if (map != null) {
                h.append("<br><img alt=\"map\" style=\"max-width:400px\" src=\"data:image/png;base64,").append(esc(map)).append("\">");
            }
            h.append("</td><td><code>").append(esc(f.check())).append("</code></td></tr>");
        }
        if (report.findings().isEmpty()) {
            h.append("<tr><td colspan=\"3\">No findings.</td></tr>");
        }
        h.append("</table>");
        if (!report.errors().isEmpty()) {
            h.append("<h2>Could not check</h2><ul>");
            report.errors().forEach(e -> h.append("<li>").append(esc(e)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<p><small>Strengths: CONCLUSIVE = a signed or standard declaration or a cryptographic failure; STRONG = "
                + "near-certain with the case facts; MODERATE = worth a reviewer's attention; HINT = weak signal. "
                + "Produced by Candor forensics, report schema ").append(ReportJson.SCHEMA_VERSION).append(".</small></p>");
        return h.append("</body></html>").toString();
    }

    private static void photos(StringBuilder h, ForensicReport report, byte[] evidence, Map<String, byte[]> listings) {
        String evidenceUri = evidence == null ? null : preview(evidence);
        if (evidenceUri == null && report.listingMatches().isEmpty()) {
            return;
        }
        h.append("<h2>Photos</h2><div class=\"photos\">");
        if (evidenceUri != null) {
            h.append("<figure><svg viewBox=\"0 0 ").append(report.width()).append(' ').append(report.height())
                    .append("\" xmlns=\"http://www.w3.org/2000/svg\"><image href=\"").append(evidenceUri)
                    .append("\" width=\"").append(report.width()).append("\" height=\"").append(report.height()).append("\"/>");
            int stroke = Math.max(2, Math.max(report.width(), report.height()) / 200);
            for (ForensicReport.ListingMatch m : report.listingMatches()) {
                for (ForensicReport.Region r : m.editedRegions()) {
                    h.append("<rect x=\"").append(r.x0()).append("\" y=\"").append(r.y0()).append("\" width=\"")
                            .append(r.x1() - r.x0()).append("\" height=\"").append(r.y1() - r.y0())
                            .append("\" fill=\"none\" stroke=\"#ff1744\" stroke-width=\"").append(stroke).append("\"/>");
                }
            }
            h.append("</svg><figcaption>Evidence photo").append(report.listingMatches().stream()
                    .anyMatch(m -> !m.editedRegions().isEmpty()) ? " — changed regions outlined in red" : "")
                    .append("</figcaption></figure>");
        }
        for (ForensicReport.ListingMatch m : report.listingMatches()) {
            byte[] bytes = listings.get(m.listing());
            String uri = bytes == null ? null : preview(bytes);
            if (uri != null) {
                h.append("<figure><img alt=\"listing\" src=\"").append(uri).append("\"><figcaption>Seller's listing photo ")
                        .append(esc(m.listing())).append(" (PDQ distance ").append(m.distance()).append(", ")
                        .append(esc(m.transform())).append(")</figcaption></figure>");
            }
            if (m.heatMapPng() != null) {
                h.append("<figure><img alt=\"heat map\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(m.heatMapPng()))
                        .append("\"><figcaption>Difference heat map (red = changed)</figcaption></figure>");
            }
        }
        h.append("</div>");
    }

    private static String preview(byte[] file) {
        Container header = Containers.read(file);
        Decoded decoded = (long) header.width() * header.height() > DefaultScanner.REDUCED_DECODE_PIXELS
                ? DECODER.decodeReduced(file, header) : DECODER.decode(file, header, 1);
        if (!(decoded instanceof Decoded.Image(BufferedImage image, int _))) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(Pixels.fit(image, PREVIEW_SIDE), "jpeg", out);
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            return null;
        }
    }

    private static String verdictText(Verdict v) {
        return switch (v) {
            case AI_GENERATED_DECLARED -> "The file declares itself AI-generated";
            case AI_EDITED_DECLARED -> "The file declares itself edited with AI";
            case PROVENANCE_TAMPERED -> "The file's provenance record was broken: changed after signing";
            case DERIVED_FROM_LISTING_EDITED -> "Made from the seller's listing photo, with regions changed";
            case DERIVED_FROM_LISTING -> "A copy of the seller's listing photo";
            case NO_FINDINGS -> "No findings";
            case UNREADABLE -> "The file could not be read";
        };
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
