package io.kmarket.ml.reports;

import java.time.LocalDate;
import java.util.List;

import io.kmarket.ml.market.store.StockHistory;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Everything a report is made of, read from the database for one stock as of one day. */
public record ReportData(Company company, StockHistory history, List<Disclosure> disclosures, Prediction prediction) {

    @RegisterForReflection
    public record Company(String code, String nameKo, String nameEn, String market, LocalDate listedOn) {
    }

    @RegisterForReflection
    public record Disclosure(String receiptNo, LocalDate date, String title, String filer) {
    }

    /** The latest stored prediction with how its model measured up (null scores: not evaluated yet). */
    @RegisterForReflection
    public record Prediction(LocalDate madeOn, LocalDate targetDate, double probabilityUp, String model,
            LocalDate trainedFrom, LocalDate trainedTo, Integer evaluationWindow, Double modelAccuracy,
            Double alwaysUpAccuracy, Double yesterdayAccuracy, Integer evaluatedSamples, String walkForwardVerdict) {
    }
}
