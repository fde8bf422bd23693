package io.kmarket.ml.reports;

import java.time.LocalDate;
import java.util.List;

import io.kmarket.ml.reports.ReportData.Company;
import io.kmarket.ml.reports.ReportData.Disclosure;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON of a finished report (analytics.reports.content); the HTML page shows the same content. */
@RegisterForReflection
public record ReportContent(Company company, LocalDate priceDate, Latest latest, Indicators indicators,
        List<Signal> signals, List<Disclosure> disclosures, PredictionSummary prediction, Charts charts) {

    @RegisterForReflection
    public record Latest(double close, Double previousClose, Double change, Double changePercent, double volume) {
    }

    /** The latest day's indicators; null where the stock's history is too short. */
    @RegisterForReflection
    public record Indicators(Double sma20, Double sma60, Double sma120, Double rsi14, Double macd,
            Double macdSignal, Double bollingerUpper, Double bollingerLower, Double volumeRatio) {
    }

    /** A notable event in plain words: kind is machine-readable, text is for people. */
    @RegisterForReflection
    public record Signal(String kind, LocalDate date, String text) {
    }

    @RegisterForReflection
    public record PredictionSummary(ReportData.Prediction details, String text) {
    }

    /** Standalone SVG documents: the 1-year price chart and the RSI and MACD panels. */
    @RegisterForReflection
    public record Charts(String price, String rsi, String macd) {
    }
}
