package io.sessionkeys.benchmarks.report;

import io.sessionkeys.benchmarks.ProviderUnderTest;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws {@code throughput.png} from a suite run's {@code jmh-result.json}: AEAD throughput (MiB/s,
 * logarithmic) against message size (logarithmic), one line per provider, one panel per algorithm,
 * encryption above and decryption below. Runs headless; Java2D and ImageIO only.
 *
 * <p>Usage: {@code Chart DIR} (the directory the suite wrote).
 */
public final class Chart {

    private static final List<String> ALGORITHMS = List.of("AES-128-GCM", "AES-256-GCM", "ChaCha20-Poly1305");
    private static final List<String> OPERATIONS = List.of("encrypt", "decrypt");
    private static final String BENCHMARK = "io.sessionkeys.benchmarks.AeadBenchmark.";

    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 380;
    private static final int LEFT = 90;
    private static final int TOP = 150;
    private static final int GAP_X = 90;
    private static final int GAP_Y = 80;
    private static final int BOTTOM = 70;
    private static final int RIGHT = 30;

    private static final Map<String, Color> COLORS = Map.of(
            "SessionKeys", new Color(0xD62728),
            "SessionKeys-java", new Color(0xF4A6A6),
            "SunJCE", new Color(0x1F77B4),
            "SunJCE-nointrinsics", new Color(0x7FB3E0),
            "BC", new Color(0x2CA02C),
            "ACCP", new Color(0xFF7F0E),
            "Conscrypt", new Color(0x9467BD));

    private final List<Measurement> measurements;
    private double minValue = Double.MAX_VALUE;
    private double maxValue = Double.MIN_VALUE;
    private int minSize = Integer.MAX_VALUE;
    private int maxSize = 0;

    private Chart(List<Measurement> measurements) {
        this.measurements = measurements;
        for (Measurement m : measurements) {
            if (m.benchmark().startsWith(BENCHMARK) && m.score() > 0) {
                minValue = Math.min(minValue, m.displayScore());
                maxValue = Math.max(maxValue, m.displayScore());
                minSize = Math.min(minSize, m.size());
                maxSize = Math.max(maxSize, m.size());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Chart DIR (a directory written by the suite)");
        }
        System.setProperty("java.awt.headless", "true");
        Path dir = Paths.get(args[0]);
        Chart chart = new Chart(ResultFiles.measurements(dir));
        Path file = dir.resolve("throughput.png");
        if (chart.maxSize == 0) {
            System.out.println("No AEAD results in " + dir + ": no chart drawn");
            return;
        }
        ImageIO.write(chart.draw(ResultFiles.environment(dir)), "png", file.toFile());
        System.out.println("Wrote " + file);
    }

    private BufferedImage draw(Properties env) {
        int width = LEFT + ALGORITHMS.size() * PANEL_WIDTH + (ALGORITHMS.size() - 1) * GAP_X + RIGHT;
        int height = TOP + OPERATIONS.size() * PANEL_HEIGHT + (OPERATIONS.size() - 1) * GAP_Y + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("AEAD throughput against message size (higher is better)", LEFT, 38);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("JDK " + env.getProperty("jdk.version", "?") + "  ·  " + env.getProperty("cpu", "?") + ", "
                + env.getProperty("cpus", "?") + " CPUs  ·  " + env.getProperty("date", "?") + "  ·  profile "
                + env.getProperty("profile", "?") + "  ·  init with a fresh IV + doFinal per message", LEFT, 62);
        legend(g, LEFT, 100);

        double logMin = Math.floor(Math.log10(minValue));
        double logMax = Math.ceil(Math.log10(maxValue));
        if (logMax - logMin < 1) {
            logMax = logMin + 1;
        }
        for (int row = 0; row < OPERATIONS.size(); row++) {
            for (int col = 0; col < ALGORITHMS.size(); col++) {
                int x = LEFT + col * (PANEL_WIDTH + GAP_X);
                int y = TOP + row * (PANEL_HEIGHT + GAP_Y);
                panel(g, x, y, ALGORITHMS.get(col), OPERATIONS.get(row), logMin, logMax, col == 0);
            }
        }
        g.dispose();
        return image;
    }

    private void legend(Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        FontMetrics fm = g.getFontMetrics();
        for (String provider : ProviderUnderTest.labels()) {
            boolean drawn = measurements.stream()
                    .anyMatch(m -> m.benchmark().startsWith(BENCHMARK) && provider.equals(m.provider()));
            g.setColor(COLORS.get(provider));
            g.setStroke(strokeFor(provider));
            g.drawLine(x, y - 5, x + 34, y - 5);
            marker(g, x + 17, y - 5, provider);
            String label = drawn ? provider : provider + " (no results)";
            g.setColor(drawn ? Color.BLACK : Color.GRAY);
            g.drawString(label, x + 42, y);
            x += 42 + fm.stringWidth(label) + 34;
        }
        g.setStroke(new BasicStroke(1));
    }

    private void panel(Graphics2D g, int x, int y, String algorithm, String operation, double logMin,
            double logMax, boolean leftmost) {
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.setColor(Color.BLACK);
        g.drawString(algorithm + ", " + operation, x, y - 10);

        double log2Min = log2(minSize);
        double log2Max = Math.max(log2(maxSize), log2Min + 1);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        // Value grid: one line per decade, labelled.
        for (int decade = (int) logMin; decade <= (int) logMax; decade++) {
            int py = yOf(Math.pow(10, decade), y, logMin, logMax);
            g.setColor(new Color(0xDDDDDD));
            g.setStroke(new BasicStroke(1));
            g.drawLine(x, py, x + PANEL_WIDTH, py);
            String label = decade >= 0 ? String.format("%,d", (long) Math.pow(10, decade))
                    : Double.toString(Math.pow(10, decade));
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, x - 8 - fm.stringWidth(label), py + 5);
        }
        // Size grid: one line per measured size.
        for (int size : sizes()) {
            int px = xOf(size, x, log2Min, log2Max);
            g.setColor(new Color(0xEEEEEE));
            g.drawLine(px, y, px, y + PANEL_HEIGHT);
            String label = Report.sizeLabel(Integer.toString(size));
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, px - fm.stringWidth(label) / 2, y + PANEL_HEIGHT + 20);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, PANEL_WIDTH, PANEL_HEIGHT);
        g.setColor(Color.BLACK);
        g.drawString("message size", x + PANEL_WIDTH / 2 - fm.stringWidth("message size") / 2, y + PANEL_HEIGHT + 42);
        if (leftmost) {
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            rotated.drawString("MiB/s (log scale)", -(y + PANEL_HEIGHT / 2 + fm.stringWidth("MiB/s (log scale)") / 2),
                    x - 62);
            rotated.dispose();
        }

        boolean any = false;
        for (String provider : ProviderUnderTest.labels()) {
            TreeMap<Integer, Double> points = new TreeMap<>();
            for (Measurement m : measurements) {
                if (m.benchmark().equals(BENCHMARK + operation) && algorithm.equals(m.params().get("algorithm"))
                        && provider.equals(m.provider()) && m.score() > 0) {
                    points.put(m.size(), m.displayScore());
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            any = true;
            Path2D.Double line = new Path2D.Double();
            points.forEach((size, value) -> {
                double px = xOf(size, x, log2Min, log2Max);
                double py = yOf(value, y, logMin, logMax);
                if (line.getCurrentPoint() == null) {
                    line.moveTo(px, py);
                } else {
                    line.lineTo(px, py);
                }
            });
            g.setColor(COLORS.get(provider));
            g.setStroke(strokeFor(provider));
            g.draw(line);
            points.forEach((size, value) -> marker(g, xOf(size, x, log2Min, log2Max), yOf(value, y, logMin, logMax),
                    provider));
        }
        g.setStroke(new BasicStroke(1));
        if (!any) {
            String none = "no results (not provided, or not run)";
            g.setColor(Color.GRAY);
            g.drawString(none, x + PANEL_WIDTH / 2 - fm.stringWidth(none) / 2, y + PANEL_HEIGHT / 2);
        }
    }

    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.benchmark().startsWith(BENCHMARK) && !sizes.contains(m.size())) {
                sizes.add(m.size());
            }
        }
        return sizes;
    }

    private static Stroke strokeFor(String provider) {
        if (provider.equals("SunJCE-nointrinsics")) {
            return new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {8, 6}, 0);
        }
        return new BasicStroke(provider.equals("SessionKeys") ? 4f : 2.5f);
    }

    private static void marker(Graphics2D g, double px, double py, String provider) {
        double r = provider.equals("SessionKeys") ? 6 : 4.5;
        g.setColor(COLORS.get(provider));
        g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
    }

    private static int xOf(int size, int x, double log2Min, double log2Max) {
        double margin = 30;
        return (int) Math.round(x + margin + (log2(size) - log2Min) / (log2Max - log2Min) * (PANEL_WIDTH - 2 * margin));
    }

    private static int yOf(double value, int y, double logMin, double logMax) {
        return (int) Math.round(y + PANEL_HEIGHT - (Math.log10(value) - logMin) / (logMax - logMin) * PANEL_HEIGHT);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
