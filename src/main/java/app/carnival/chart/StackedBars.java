package app.carnival.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a stacked bar chart drawn as SVG: one column per bar, a lower and an upper part, a
 * few gridlines at whole numbers, and few enough labels to stay readable on a phone. Integer user
 * units in a fixed view box, scaled by the page (width 100%). Pure: text is escaped where it is
 * written out (the page template).
 */
public final class StackedBars {

    public static final int WIDTH = 400;
    public static final int HEIGHT = 210;
    static final int LEFT = 30;
    static final int RIGHT = 8;
    static final int TOP = 30;
    static final int BOTTOM = 28;
    /** At most this many column labels; between them every k-th column is labelled. */
    static final int MAX_LABELS = 8;

    /** One column: {@code lower} and {@code upper} stacked, {@code label} under it. */
    public record Bar(String label, int lower, int upper) {}

    /** Where a column goes; the labelled ones carry their label, the others an empty one. */
    public record Column(
            int x, int width, int lowerY, int lowerHeight, int upperY, int upperHeight, int labelX, String label) {

        public boolean labelled() {
            return !label.isEmpty();
        }
    }

    /** A horizontal gridline at value {@code label}, written at {@code textY}. */
    public record Tick(int y, int textY, String label) {}

    /**
     * The whole chart. {@code tickX}: where the gridlines' values end (right-aligned); {@code legend}: the
     * x of the legend's second entry (the first starts at {@code left}).
     */
    public record Layout(
            int width,
            int height,
            int left,
            int right,
            int tickX,
            int baseline,
            int labelY,
            int legend,
            List<Column> columns,
            List<Tick> ticks) {

        public int legendText() {
            return left + 17;
        }

        public int legend2Text() {
            return legend + 17;
        }
    }

    private StackedBars() {}

    public static Layout of(List<Bar> bars) {
        int max = bars.stream().mapToInt(b -> b.lower() + b.upper()).max().orElse(0);
        int step = step(max);
        int top = Math.max(step, ((max + step - 1) / step) * step);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = HEIGHT - BOTTOM;
        List<Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= top; v += step) {
            int y = baseline - scale(v, top, plotHeight);
            ticks.add(new Tick(y, y + 4, Integer.toString(v)));
        }
        int n = bars.size();
        int plotWidth = WIDTH - LEFT - RIGHT;
        List<Column> columns = new ArrayList<>();
        int every = Math.max(1, (n + MAX_LABELS - 1) / MAX_LABELS);
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            int bandStart = LEFT + plotWidth * i / n;
            int band = LEFT + plotWidth * (i + 1) / n - bandStart;
            int width = Math.max(1, Math.min(48, band * 7 / 10));
            int x = bandStart + (band - width) / 2;
            int lowerHeight = scale(b.lower(), top, plotHeight);
            int totalHeight = scale(b.lower() + b.upper(), top, plotHeight);
            boolean labelled = (n - 1 - i) % every == 0; // the newest column always has its label
            columns.add(new Column(
                    x,
                    width,
                    baseline - lowerHeight,
                    lowerHeight,
                    baseline - totalHeight,
                    totalHeight - lowerHeight,
                    x + width / 2,
                    labelled ? b.label() : ""));
        }
        return new Layout(
                WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, LEFT - 5, baseline, baseline + 18, LEFT + 100, columns, ticks);
    }

    /** Gridlines at whole numbers, at most five of them. */
    static int step(int max) {
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if ((max + m * magnitude - 1) / (m * magnitude) <= 4) {
                    return m * magnitude;
                }
            }
        }
    }

    private static int scale(int value, int top, int height) {
        return Math.round((float) value * height / top);
    }
}
