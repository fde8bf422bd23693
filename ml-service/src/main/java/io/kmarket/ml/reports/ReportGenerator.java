package io.kmarket.ml.reports;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.ml.reports.ReportData.Company;
import io.kmarket.ml.reports.store.ReportDataReader;
import io.kmarket.ml.reports.store.ReportRepository;
import io.kmarket.ml.reports.store.ReportRepository.StoredReport;

/** Generates one stored report: claims it, reads the data, builds JSON and HTML, stores the outcome. */
@ApplicationScoped
public class ReportGenerator {

    private static final Logger LOG = Logger.getLogger(ReportGenerator.class);

    private final ReportRepository reports;
    private final ReportDataReader data;
    private final ObjectMapper json;

    public ReportGenerator(ReportRepository reports, ReportDataReader data, ObjectMapper json) {
        this.reports = reports;
        this.data = data;
        this.json = json;
    }

    /** Generates the report if it is still pending; a failure is stored on the report, never thrown. */
    public void generate(UUID id) {
        try {
            if (!reports.start(id)) {
                return;
            }
            StoredReport report = reports.find(id).orElseThrow();
            Company company = data.company(report.code())
                    .orElseThrow(() -> new IllegalStateException("stock " + report.code() + " is not listed"));
            ReportContent content = ReportBuilder.build(data.read(company, report.asOf()));
            reports.done(id, json.writeValueAsString(content), ReportHtml.render(content));
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.warnf("Report %s interrupted by shutdown; it stays running and resumes at the next start", id);
                return;
            }
            LOG.errorf(e, "Report %s failed", id);
            try {
                reports.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException stored) {
                LOG.errorf(stored, "Could not record the failure of report %s", id);
            }
        }
    }
}
