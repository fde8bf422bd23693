package io.kmarket.api.disclosures.rest;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A filing on OpenDART; {@code url} opens it on the DART viewer. */
@RegisterForReflection
public record DisclosureView(String rceptNo, String corpCode, String corpName, String corpCls, String stockCode,
        String reportName, String filerName, LocalDate receiptDate, String remarks, String url) {
}
