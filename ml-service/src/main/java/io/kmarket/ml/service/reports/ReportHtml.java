package io.kmarket.ml.service.reports;

import java.util.Locale;

import io.kmarket.ml.service.reports.ReportContent.Signal;
import io.kmarket.ml.service.reports.ReportData.Disclosure;

/** The standalone HTML page of a report: inline CSS and SVG, no scripts, no external resources. */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(ReportContent r) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String name = r.company().nameKo() + (r.company().nameEn() == null ? "" : " (" + r.company().nameEn() + ")");
        html.append("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(r.company().code() + " " + name)).append(" — kmarket report</title><style>")
                .append("body{font-family:sans-serif;max-width:940px;margin:1em auto;color:#222}")
                .append("h1{font-size:1.4em}.up{color:#c0392b}.down{color:#2471a3}")
                .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left}")
                .append("section{margin:1.2em 0}</style></head><body>");
        html.append("<h1>").append(escape(name)).append(" <small>").append(escape(r.company().code())).append(" · ")
                .append(escape(r.company().market())).append("</small></h1>");
        html.append("<section><p>Close on ").append(r.priceDate()).append(": <strong>")
                .append(format("%,.0f", r.latest().close())).append("</strong>");
        if (r.latest().change() != null) {
            String css = r.latest().change() > 0 ? "up" : r.latest().change() < 0 ? "down" : "";
            html.append(" <span class=\"").append(css).append("\">").append(format("%+,.0f (%+.2f%%)",
                    r.latest().change(), r.latest().changePercent())).append("</span>");
        }
        html.append(" · volume ").append(format("%,.0f", r.latest().volume())).append("</p>");
        if (r.company().listedOn() != null) {
            html.append("<p>Listed on ").append(r.company().listedOn()).append("</p>");
        }
        html.append("</section><section><h2>Signals</h2>");
        if (r.signals().isEmpty()) {
            html.append("<p>No notable signals on the latest day.</p>");
        } else {
            html.append("<ul>");
            for (Signal signal : r.signals()) {
                html.append("<li>").append(escape(signal.text())).append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</section><section><h2>Charts</h2>").append(r.charts().price()).append(r.charts().rsi())
                .append(r.charts().macd()).append("</section><section><h2>Prediction</h2><p>")
                .append(r.prediction() == null ? "No prediction has been made for this stock yet."
                        : escape(r.prediction().text()))
                .append("</p></section><section><h2>Recent disclosures</h2>");
        if (r.disclosures().isEmpty()) {
            html.append("<p>None stored.</p>");
        } else {
            html.append("<table><tr><th>Date</th><th>Title</th><th>Filer</th></tr>");
            for (Disclosure d : r.disclosures()) {
                html.append("<tr><td>").append(d.date()).append("</td><td>").append(escape(d.title()))
                        .append("</td><td>").append(escape(d.filer() == null ? "" : d.filer())).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</section></body></html>").toString();
    }

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
