package dev.candor.forensics;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Fakes the "AI painted a defect on the seller's photo" case: paints a stain, hole, mould or crack onto a copy of
 * a photo, then applies what a buyer's screenshot-and-resave does (crop, rescale, recompress, brightness and
 * contrast). Each paint call returns the box it painted, in the painted image's pixels.
 */
public final class DefectPainter {

    public enum Defect { STAIN, HOLE, MOULD, CRACK }

    private DefectPainter() {
    }

    public static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Paints {@code defect} centred at {@code (cx, cy)} with a size of about {@code size} pixels. */
    public static Rectangle paint(BufferedImage img, Defect defect, int cx, int cy, int size, long seed) {
        Random r = new Random(seed);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Rectangle box;
        switch (defect) {
            case STAIN -> {
                Polygon blob = blob(cx, cy, size / 2, r);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.75f));
                g.setColor(new Color(110, 70, 30));
                g.fill(blob);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
                g.setColor(new Color(70, 40, 15));
                g.setStroke(new BasicStroke(Math.max(2, size / 25f)));
                g.draw(blob);
                box = blob.getBounds();
            }
            case HOLE -> {
                Polygon hole = blob(cx, cy, size / 2, r);
                g.setColor(new Color(200, 190, 170));
                g.setStroke(new BasicStroke(Math.max(3, size / 12f)));
                g.draw(hole);
                g.setColor(new Color(15, 12, 10));
                g.fill(hole);
                box = hole.getBounds();
                box.grow(size / 20 + 2, size / 20 + 2);
            }
            case MOULD -> {
                box = new Rectangle(cx, cy, 0, 0);
                for (int i = 0; i < 90; i++) {
                    int x = cx + (int) (r.nextGaussian() * size / 5);
                    int y = cy + (int) (r.nextGaussian() * size / 5);
                    int d = 2 + r.nextInt(Math.max(3, size / 10));
                    g.setColor(new Color(60 + r.nextInt(40), 100 + r.nextInt(50), 50 + r.nextInt(30)));
                    g.fillOval(x - d / 2, y - d / 2, d, d);
                    box.add(new Rectangle(x - d / 2, y - d / 2, d, d));
                }
            }
            case CRACK -> {
                Path2D.Float path = new Path2D.Float();
                float x = cx - size / 2f;
                float y = cy;
                path.moveTo(x, y);
                box = new Rectangle((int) x, (int) y, 0, 0);
                for (int i = 0; i < 12; i++) {
                    x += size / 12f;
                    y += (r.nextFloat() - 0.5f) * size / 4f;
                    path.lineTo(x, y);
                    box.add(x, y);
                }
                g.setColor(new Color(20, 18, 16));
                g.setStroke(new BasicStroke(Math.max(3, size / 18f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
                box.grow(size / 18 + 2, size / 18 + 2);
            }
            default -> throw new IllegalArgumentException();
        }
        g.dispose();
        return box.intersection(new Rectangle(0, 0, img.getWidth(), img.getHeight()));
    }

    private static Polygon blob(int cx, int cy, int radius, Random r) {
        Polygon p = new Polygon();
        int points = 14;
        for (int i = 0; i < points; i++) {
            double a = 2 * Math.PI * i / points;
            double rr = radius * (0.65 + 0.35 * r.nextDouble());
            p.addPoint(cx + (int) (Math.cos(a) * rr), cy + (int) (Math.sin(a) * rr * 0.8));
        }
        return p;
    }

    /** Crops {@code fraction} of the width and height off the left/top and right/bottom. */
    public static BufferedImage crop(BufferedImage img, double left, double top, double right, double bottom) {
        int x0 = (int) (img.getWidth() * left);
        int y0 = (int) (img.getHeight() * top);
        int x1 = img.getWidth() - (int) (img.getWidth() * right);
        int y1 = img.getHeight() - (int) (img.getHeight() * bottom);
        return copy(img.getSubimage(x0, y0, x1 - x0, y1 - y0));
    }

    public static BufferedImage scale(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor);
        int h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** {@code out = contrast * (in - 128) + 128 + brightness}, clamped. */
    public static BufferedImage adjust(BufferedImage img, double brightness, double contrast) {
        BufferedImage out = copy(img);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                int r = clamp(contrast * (((p >> 16) & 0xff) - 128) + 128 + brightness);
                int g = clamp(contrast * (((p >> 8) & 0xff) - 128) + 128 + brightness);
                int b = clamp(contrast * ((p & 0xff) - 128) + 128 + brightness);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
