package io.kmarket.api.reports.ml;

/** Which form of a report to fetch from ml-service: its status document, or the finished HTML page. */
public enum ReportView {
    JSON,
    HTML
}
