package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.keys.ApiKeyPool;
import io.kmarket.scheduler.collect.keys.Fingerprint;
import io.kmarket.scheduler.collect.keys.store.ApiKeyStore;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** OpenDART: pagination, key pool, watermark, corpCode ZIP and company info, against WireMock. */
@QuarkusTest
class DartCollectionTest {

    @Inject
    CollectionService collection;

    @Inject
    DisclosureWatermark watermark;

    @Inject
    ApiKeyStore keyStore;

    @Inject
    MovingClock clock;

    @Test
    void pagesAreFetchedInOrderUntilTheLastAndStoredOnce() {
        Db.execute("DELETE FROM ops.collection_watermarks WHERE site_code = 'DART'");
        // January has ended, so a January collected now counts as complete.
        clock.set(seoul("2024-02-10T08:00:00"));
        var server = UpstreamStub.server();
        server.stubFor(DartStub.list("20240101", "20240131", 1).willReturn(DartStub.json(
                DartStub.page(1, 3, "20240105000001", "20240105000002"))));
        server.stubFor(DartStub.list("20240101", "20240131", 2).willReturn(DartStub.json(
                DartStub.page(2, 3, "20240110000003", "20240110000004"))));
        server.stubFor(DartStub.list("20240101", "20240131", 3).willReturn(DartStub.json(
                DartStub.page(3, 3, "20240120000005"))));
        CollectionPlan plan = CollectionPlan.disclosures(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));

        CollectionRunSummary first = collection.run(plan, ProgressListener.NONE);
        CollectionRunSummary second = collection.run(plan, ProgressListener.NONE);

        assertThat(first.allSucceeded()).isTrue();
        assertThat(first.recordsStored()).isEqualTo(5);
        assertThat(second.recordsStored()).isEqualTo(5);
        assertThat(Db.rows("""
                SELECT rcept_no, corp_code, stock_code, report_name, receipt_date, remarks FROM market.disclosures
                 WHERE receipt_date BETWEEN '2024-01-01' AND '2024-01-31' ORDER BY rcept_no"""))
                .hasSize(5)
                .first().isEqualTo("20240105000001|00126380|005930|임원ㆍ주요주주특정증권등소유상황보고서|2024-01-05|null");
        assertThat(watermark.current()).contains(LocalDate.of(2024, 1, 31));
        // The incremental plan restarts three days (the configured margin) before the watermark.
        assertThat(watermark.incrementalPlan(LocalDate.of(2024, 2, 10)).tasks())
                .extracting(CollectionTask::key).containsExactly("DISCLOSURES:ALL:2024-01-28..2024-02-10");
    }

    @Test
    void everyMalformedPageOfAWalkIsRecordedAndNothingOfTheWalkIsStored() {
        var server = UpstreamStub.server();
        server.stubFor(DartStub.list("20240301", "20240331", 1).willReturn(DartStub.json(
                DartStub.page(1, 3, "20240305000001"))));
        for (int page = 2; page <= 3; page++) {
            // Slow enough that both pages are in flight before either answer arrives.
            server.stubFor(DartStub.list("20240301", "20240331", page).willReturn(aResponse().withStatus(200)
                    .withFixedDelay(300).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><head><title>서비스 점검 안내</title></head></html>")));
        }

        CollectionRunSummary run = collection.run(
                CollectionPlan.disclosures(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)), ProgressListener.NONE);

        assertThat(run.tasksFailed()).isEqualTo(1);
        assertThat(Db.rows("SELECT status, error_type FROM ops.fetch_execution_logs WHERE run_id = '"
                + run.runId() + "'")).containsExactly("failed|malformed");
        assertThat(Db.count("SELECT count(*) FROM ops.rejected_records WHERE run_id = '" + run.runId()
                + "' AND reason LIKE 'malformed answer: %'")).as("one per malformed page").isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM market.disclosures WHERE rcept_no = '20240305000001'")).isZero();
    }

    @Test
    void theFirstEmptyPageEndsThePaginationOfARecordedAnswer() {
        var server = UpstreamStub.server();
        server.stubFor(DartStub.list("20230201", "20230208", 1).willReturn(DartStub.sample("dart/list_samsung.json")));
        server.stubFor(DartStub.endpoint("list.json").withQueryParam("bgn_de", equalTo("20230201")).atPriority(10)
                .willReturn(DartStub.sample("dart/status_013.json")));

        CollectionRunSummary run = collection.run(CollectionPlan.disclosures(LocalDate.of(2023, 2, 1),
                LocalDate.of(2023, 2, 8)), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT rcept_no, remarks FROM market.disclosures WHERE corp_code = '00126380'"
                + " AND receipt_date BETWEEN '2023-02-01' AND '2023-02-08' ORDER BY rcept_no"))
                .containsExactly("20230202000366|null", "20230203000495|null", "20230207800704|유");
    }

    @Test
    void aKeyOverItsLimitIsRestedAndTheNextKeyServesTheRequest() {
        clock.set(seoul("2024-02-10T08:00:00"));
        var server = UpstreamStub.server();
        server.stubFor(DartStub.list("20220301", "20220331", 1).atPriority(1)
                .withQueryParam("crtfc_key", equalTo(UpstreamStub.DART_KEY_A))
                .willReturn(DartStub.sample("dart/status_020.json")));
        server.stubFor(DartStub.list("20220301", "20220331", 1).atPriority(2)
                .willReturn(DartStub.json(DartStub.page(1, 1, "20220315000001"))));

        CollectionPlan plan = CollectionPlan.disclosures(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31));

        // Keys are used in turn: over two runs key A is tried first at least once.
        CollectionRunSummary first = collection.run(plan, ProgressListener.NONE);
        CollectionRunSummary second = collection.run(plan, ProgressListener.NONE);

        assertThat(first.allSucceeded()).isTrue();
        assertThat(second.allSucceeded()).isTrue();
        assertThat(Db.count("SELECT count(*) FROM market.disclosures WHERE rcept_no = '20220315000001'")).isEqualTo(1);
        // Rested until OpenDART's next daily reset: midnight in Korea (UTC+9) after the clock's 2024-02-10.
        assertThat(Db.rows("SELECT rested_until = '2024-02-10T15:00:00Z' FROM ops.api_keys WHERE site_code = 'DART'"
                + " AND fingerprint = '" + Fingerprint.of(UpstreamStub.DART_KEY_A) + "'")).containsExactly("t");
    }

    @Test
    void fiveAuthenticationFailuresDisableAKeyAndARestartRemembersIt() {
        String key = "c".repeat(40);
        ApiKeyPool pool = new ApiKeyPool("DART-TEST", List.of(key), 100, keyStore, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            pool.authFailed(pool.take());
        }
        assertThatThrownBy(pool::take).isInstanceOf(RejectedRequestException.class);

        ApiKeyPool afterRestart = new ApiKeyPool("DART-TEST", List.of(key), 100, keyStore, Clock.systemUTC());
        assertThatThrownBy(afterRestart::take).isInstanceOf(RejectedRequestException.class);
        assertThat(Db.rows("SELECT used_today, consecutive_auth_failures, disabled FROM ops.api_keys"
                + " WHERE site_code = 'DART-TEST'")).containsExactly("5|5|t");
    }

    @Test
    void theDailyQuotaOfAKeyIsCounted() {
        ApiKeyPool pool = new ApiKeyPool("QUOTA-TEST", List.of("d".repeat(40)), 2, keyStore, Clock.systemUTC());
        pool.take();
        pool.take();
        assertThatThrownBy(pool::take).isInstanceOf(RejectedRequestException.class);
    }

    @Test
    void corpCodesComeFromTheZipAndLinkStocks() throws IOException {
        Db.execute("""
                INSERT INTO market.stocks (code, name_ko, market) VALUES ('005930', '삼성전자', 'STK')
                ON CONFLICT (code) DO NOTHING""");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <result>
                    <list>
                        <corp_code>00434003</corp_code>
                        <corp_name>다코</corp_name>
                        <corp_eng_name>Daco corporation</corp_eng_name>
                        <stock_code> </stock_code>
                        <modify_date>20170630</modify_date>
                    </list>
                    <list>
                        <corp_code>00126380</corp_code>
                        <corp_name>삼성전자</corp_name>
                        <corp_eng_name>SAMSUNG ELECTRONICS CO,.LTD</corp_eng_name>
                        <stock_code>005930</stock_code>
                        <modify_date>20240101</modify_date>
                    </list>
                </result>""";
        UpstreamStub.server().stubFor(DartStub.endpoint("corpCode.xml").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-msdownload").withBody(zip(xml))));

        CollectionRunSummary run = collection.run(CollectionPlan.corpCodes(), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT corp_code, corp_name, stock_code, modified_on FROM market.corp_codes"
                + " ORDER BY corp_code")).containsExactly("00126380|삼성전자|005930|2024-01-01",
                        "00434003|다코|null|2017-06-30");
        assertThat(Db.rows("SELECT corp_code FROM market.stocks WHERE code = '005930'")).containsExactly("00126380");
    }

    @Test
    void companyInfoIsStored() {
        UpstreamStub.server().stubFor(DartStub.endpoint("company.json")
                .withQueryParam("corp_code", equalTo("00126380")).willReturn(DartStub.sample("dart/company_samsung.json")));

        CollectionRunSummary run = collection.run(new CollectionPlan("company",
                List.of(CollectionTask.of("DART", Dataset.COMPANY, "00126380"))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT corp_name, corp_name_eng, stock_code, corp_cls, established_on, fiscal_month"
                + " FROM market.companies WHERE corp_code = '00126380'"))
                .containsExactly("삼성전자(주)|SAMSUNG ELECTRONICS CO,.LTD|005930|Y|1969-01-13|12");
    }

    private static byte[] zip(String xml) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("CORPCODE.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
