package dev.candor.cli;

import dev.candor.forensics.ForensicReport;
import dev.candor.forensics.ReportHtml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code <n>-<file name>.html} per report, numbered so that equal file names in different folders differ. */
final class HtmlReports {

    private HtmlReports() {
    }

    static void write(List<ForensicReport> reports, Path dir, List<Path> listingFiles) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < reports.size(); i++) {
            ForensicReport r = reports.get(i);
            Map<String, byte[]> listings = new HashMap<>();
            for (ForensicReport.ListingMatch m : r.listingMatches()) {
                for (Path p : listingFiles) {
                    if (p.toString().equals(m.listing())) {
                        listings.put(m.listing(), Files.readAllBytes(p));
                    }
                }
            }
            Path source = Path.of(r.file());
            byte[] evidence = r.sha256() == null ? null : Files.readAllBytes(source);
            String name = "%03d-%s.html".formatted(i + 1, source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
            Files.writeString(dir.resolve(name), ReportHtml.render(r, evidence, listings));
        }
    }
}
