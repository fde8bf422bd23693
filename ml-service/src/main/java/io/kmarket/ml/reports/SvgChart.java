package io.kmarket.ml.reports;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A minimal server-side SVG line/band/bar chart over consecutive trading days. Hand-written: the charts are
 * a few polylines and polygons, and the JVM charting libraries (JFreeChart, XChart) need AWT, which native
 * executables and headless containers handle poorly.
 */
final class SvgChart {

    static final int WIDTH = 900;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 24;
    private static final int BOTTOM = 22;
    private static final int MONTH_LABEL_WIDTH = 48;

    private final int height;
    private final int count;
    private final StringBuilder body = new StringBuilder(16_384);
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    SvgChart(int height, int count) {
        this.height = height;
        this.count = count;
    }

    /** Widens the y range to include the finite values of {@code values[from..from+count)}. */
    SvgChart include(double[] values, int from) {
        for (int i = from; i < from + count; i++) {
            if (!Double.isNaN(values[i])) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        return this;
    }

    SvgChart include(double value) {
        min = Math.min(min, value);
        max = Math.max(max, value);
        return this;
    }

    /** A line through the values, broken where a value is missing. */
    SvgChart line(double[] values, int from, String color, double width) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i <= count; i++) {
            boolean present = i < count && !Double.isNaN(values[from + i]);
            if (present) {
                points.append(format("%.1f,%.1f ", x(i), y(values[from + i])));
            } else if (!points.isEmpty()) {
                body.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" points=\"%s\"/>",
                        color, width, points.toString().trim()));
                points.setLength(0);
            }
        }
        return this;
    }

    /** The area between two lines, where both are present. */
    SvgChart band(double[] upper, double[] lower, int from, String fill) {
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (int i = 0; i <= count; i++) {
            boolean present = i < count && !Double.isNaN(upper[from + i]) && !Double.isNaN(lower[from + i]);
            if (present) {
                top.append(format("%.1f,%.1f ", x(i), y(upper[from + i])));
                bottom.insert(0, format("%.1f,%.1f ", x(i), y(lower[from + i])));
            } else if (!top.isEmpty()) {
                body.append(format("<polygon fill=\"%s\" stroke=\"none\" points=\"%s%s\"/>", fill, top,
                        bottom.toString().trim()));
                top.setLength(0);
                bottom.setLength(0);
            }
        }
        return this;
    }

    /** Bars from zero, coloured by sign (MACD histogram). */
    SvgChart bars(double[] values, int from, String positive, String negative) {
        double barWidth = Math.max(1, (WIDTH - LEFT - RIGHT) / (double) Math.max(count, 1) * 0.7);
        for (int i = 0; i < count; i++) {
            double value = values[from + i];
            if (!Double.isNaN(value)) {
                double top = y(Math.max(value, 0));
                double bottom = y(Math.min(value, 0));
                body.append(format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                        x(i) - barWidth / 2, top, barWidth, Math.max(bottom - top, 0.5),
                        value >= 0 ? positive : negative));
            }
        }
        return this;
    }

    SvgChart horizontal(double value, String color, String label) {
        double y = y(value);
        body.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
                LEFT, WIDTH - RIGHT, y, y, color));
        body.append(format("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                LEFT - 4, y + 3, color, label));
        return this;
    }

    String render(String title, LocalDate[] dates, String... legend) {
        StringBuilder svg = new StringBuilder(body.length() + 2_048);
        svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\">", WIDTH, height, WIDTH, height));
        svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", WIDTH, height));
        svg.append(format("<text x=\"%d\" y=\"15\" font-size=\"13\" font-weight=\"bold\">%s</text>", LEFT,
                ReportHtml.escape(title)));
        for (int i = 0; i < legend.length; i += 2) {
            svg.append(format("<text x=\"%d\" y=\"15\" font-size=\"11\" fill=\"%s\">%s</text>",
                    LEFT + 260 + i * 50, legend[i + 1], ReportHtml.escape(legend[i])));
        }
        if (min <= max) {
            for (double tick : new double[] { min, (min + max) / 2, max }) {
                svg.append(format("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                        LEFT - 4, y(tick) + 3, tickLabel(tick)));
            }
        }
        int month = dates.length == 0 ? -1 : dates[0].getMonthValue();
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            if (dates[i].getMonthValue() != month && x(i) - lastLabel >= MONTH_LABEL_WIDTH) {
                month = dates[i].getMonthValue();
                lastLabel = x(i);
                svg.append(format("<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>", x(i), height - 6,
                        dates[i].toString().substring(0, 7)));
            }
        }
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>",
                LEFT, TOP, WIDTH - LEFT - RIGHT, height - TOP - BOTTOM));
        return svg.append(body).append("</svg>").toString();
    }

    private double x(int i) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (count <= 1 ? 0.5 : i / (double) (count - 1));
    }

    private double y(double value) {
        double span = max > min ? max - min : 1;
        return TOP + (height - TOP - BOTTOM) * (1 - (value - min) / span);
    }

    private static String tickLabel(double value) {
        return Math.abs(value) >= 1_000 ? format("%,.0f", value) : format("%.2f", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
