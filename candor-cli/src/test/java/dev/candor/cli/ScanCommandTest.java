package dev.candor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new CandorCli());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static BufferedImage scene() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 240; y++) {
            g.setColor(new Color(y, 255 - y, (y * 3) % 256));
            g.drawLine(0, y, 319, y);
        }
        g.setColor(Color.WHITE);
        g.fillRect(60, 50, 120, 90);
        g.setColor(Color.BLACK);
        g.fillOval(200, 120, 80, 80);
        g.dispose();
        return img;
    }

    private Path write(BufferedImage img, String format, String name) throws IOException {
        Path p = dir.resolve(name);
        ImageIO.write(img, format, p.toFile());
        return p;
    }

    @Test
    void scansADirectoryAgainstAListingAndWritesOneJsonDocument() throws IOException {
        Path listing = write(scene(), "png", "listing.png");
        Files.createDirectories(dir.resolve("evidence"));
        write(scene(), "jpg", "evidence/copy.jpg");
        Path json = dir.resolve("out.json");

        int exit = run("scan", "--listing", listing.toString(), "--delivered-at", "2026-03-01T10:00:00Z",
                "--json", json.toString(), "--html", dir.resolve("html").toString(), dir.resolve("evidence").toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("html/001-copy.jpg.html"))).contains("listing.png").contains("<svg");
        JsonNode doc = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(doc.get("schemaVersion").asString()).isEqualTo("1.1");
        assertThat(doc.get("images")).hasSize(1);
        JsonNode image = doc.get("images").get(0);
        assertThat(image.get("format").asString()).isEqualTo("JPEG");
        assertThat(image.get("listingMatches").get(0).get("listing").asString()).endsWith("listing.png");
        assertThat(image.get("verdict").asString()).startsWith("DERIVED_FROM_LISTING");
    }

    @Test
    void exitsNonZeroNamingTheFileThatCouldNotBeRead() throws IOException {
        write(scene(), "jpg", "fine.jpg");
        Path gif = write(scene(), "gif", "animated.gif");

        int exit = run("scan", "--json", dir.resolve("out.json").toString(), dir.toString());

        assertThat(exit).isEqualTo(ScanCommand.UNREADABLE);
        assertThat(err.toString()).contains("could not read " + gif).contains("unsupported format: GIF");
        JsonNode doc = JsonMapper.builder().build().readTree(dir.resolve("out.json").toFile());
        assertThat(doc.get("images")).hasSize(2);
    }

    @Test
    void anUnreadableTrustAnchorFileIsAUsageError() throws IOException {
        write(scene(), "jpg", "fine.jpg");
        Path pem = Files.writeString(dir.resolve("roots.pem"), "not a certificate");

        assertThat(run("scan", "--trust-anchors", pem.toString(), dir.resolve("fine.jpg").toString())).isEqualTo(ScanCommand.USAGE);
        assertThat(err.toString()).contains("cannot read trust anchors");
    }

    @Test
    void anUnwritableJsonTargetExitsWithThree() throws IOException {
        write(scene(), "jpg", "fine.jpg");
        Files.createDirectories(dir.resolve("out.json"));

        assertThat(run("scan", "--json", dir.resolve("out.json").toString(), dir.resolve("fine.jpg").toString()))
                .isEqualTo(ScanCommand.OUTPUT_FAILED);
        assertThat(err.toString()).contains("cannot write");
    }

    @Test
    void rejectsAMissingFileAndABadDeliveryTime() {
        assertThat(run("scan", dir.resolve("missing.jpg").toString())).isEqualTo(ScanCommand.USAGE);
        assertThat(run("scan", "--delivered-at", "yesterday", dir.toString())).isEqualTo(ScanCommand.USAGE);
        assertThat(err.toString()).contains("missing.jpg").contains("--delivered-at");
    }
}
