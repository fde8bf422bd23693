package io.kmarket.ml.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kmarket.ml.reports.ReportContent.Charts;
import io.kmarket.ml.reports.ReportContent.Latest;
import io.kmarket.ml.reports.ReportContent.PredictionSummary;
import io.kmarket.ml.reports.ReportContent.Signal;
import io.kmarket.ml.reports.ReportData.Company;
import io.kmarket.ml.reports.ReportData.Disclosure;
import io.quarkus.test.junit.QuarkusTest;

/** The report page as Qute renders it: every text escaped, the charts' SVG as drawn, each section present. */
@QuarkusTest
class ReportHtmlTest {

    private static final LocalDate DAY = LocalDate.of(2024, 6, 10);
    private static final Charts CHARTS = new Charts("<svg id=\"price\"></svg>", "<svg id=\"rsi\"></svg>",
            "<svg id=\"macd\"></svg>");

    private static ReportContent report(Latest latest, List<Signal> signals, List<Disclosure> disclosures,
            PredictionSummary prediction) {
        return new ReportContent(new Company("ABC123", "에이<&>비씨", "A<b> & \"C\" 'Co'", "KSQ", LocalDate.of(2001, 2, 3)),
                DAY, latest, null, signals, disclosures, prediction, CHARTS);
    }

    @Test
    void aNameWithMarkupCharactersIsEscapedInTheTitleAndTheHeading() {
        String html = ReportHtml.render(report(new Latest(1000, null, null, null, 10), List.of(), List.of(), null));

        String escaped = "에이&lt;&amp;&gt;비씨 (A&lt;b&gt; &amp; &quot;C&quot; &#39;Co&#39;)";
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>ABC123 " + escaped + " — kmarket report</title>")
                .contains("<h1>" + escaped + " <small>ABC123 · KSQ</small></h1>")
                .doesNotContain("에이<&>비씨", "A<b>", "<script");
    }

    @Test
    void everySectionIsPresentWithTheLatestDayInRootLocaleNumbers() {
        ReportContent content = report(new Latest(71_250, 70_000.0, 1_250.0, 1.7857, 12_345_678),
                List.of(new Signal("volume_spike", DAY, "Volume <3 times> the average")),
                List.of(new Disclosure("1", DAY.minusDays(2), "분기보고서 <정정>", "K&Co"),
                        new Disclosure("2", DAY.minusDays(9), "감사보고서", null)),
                new PredictionSummary(null, "62% up & \"likely\""));

        String html = ReportHtml.render(content);

        assertThat(html)
                .contains("Close on 2024-06-10: <strong>71,250</strong>")
                .contains("<span class=\"up\">+1,250 (+1.79%)</span>")
                .contains("· volume 12,345,678</p>")
                .contains("<p>Listed on 2001-02-03</p>")
                .contains("<h2>Signals</h2>", "<li>Volume &lt;3 times&gt; the average</li>")
                .contains("<h2>Charts</h2><svg id=\"price\"></svg><svg id=\"rsi\"></svg><svg id=\"macd\"></svg>")
                .contains("<h2>Prediction</h2><p>62% up &amp; &quot;likely&quot;</p>")
                .contains("<h2>Recent disclosures</h2>", "<tr><th>Date</th><th>Title</th><th>Filer</th></tr>")
                .contains("<tr><td>2024-06-08</td><td>분기보고서 &lt;정정&gt;</td><td>K&amp;Co</td></tr>")
                .contains("<tr><td>2024-06-01</td><td>감사보고서</td><td></td></tr>")
                .contains("</section></body></html>");
    }

    @Test
    void aFallOrNoChangeAndEmptySectionsSayWhatIsMissing() {
        String falling = ReportHtml.render(report(new Latest(900, 1000.0, -100.0, -10.0, 5), List.of(), List.of(),
                null));
        String flat = ReportHtml.render(report(new Latest(900, 900.0, 0.0, 0.0, 5), List.of(), List.of(), null));
        String first = ReportHtml.render(report(new Latest(900, null, null, null, 5), List.of(), List.of(), null));

        assertThat(falling).contains("<span class=\"down\">-100 (-10.00%)</span>")
                .contains("<p>No notable signals on the latest day.</p>")
                .contains("<p>No prediction has been made for this stock yet.</p>")
                .contains("<p>None stored.</p>")
                .doesNotContain("<ul>", "<table>");
        assertThat(flat).contains("<span class=\"\">+0 (+0.00%)</span>");
        assertThat(first).contains("<strong>900</strong> · volume 5</p>").doesNotContain("<span");
    }
}
