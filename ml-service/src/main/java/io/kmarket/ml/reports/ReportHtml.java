package io.kmarket.ml.reports;

import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The standalone HTML page of a report: inline CSS and SVG, no scripts, no external resources. The page is the
 * Qute template {@code templates/ReportHtml/report.html}, checked against these types at build time; Qute escapes
 * every value but the charts, which are SVG this service draws ({@link SvgChart}). Numbers are formatted here, in
 * the root locale, so that the page reads the same whatever the JVM's locale.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance report(ReportContent r, String name, String close, Change change,
                String volume);
    }

    /** The latest day's change as shown: its CSS class ({@code up}, {@code down} or none) and its text. */
    public record Change(String css, String text) {
    }

    public static String render(ReportContent r) {
        String name = r.company().nameKo() + (r.company().nameEn() == null ? "" : " (" + r.company().nameEn() + ")");
        Double change = r.latest().change();
        Change shown = change == null ? null
                : new Change(change > 0 ? "up" : change < 0 ? "down" : "",
                        format("%+,.0f (%+.2f%%)", change, r.latest().changePercent()));
        return Templates.report(r, name, format("%,.0f", r.latest().close()), shown,
                format("%,.0f", r.latest().volume())).render();
    }

    /** The HTML text of {@code text}, for markup built outside the template (the SVG charts). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
