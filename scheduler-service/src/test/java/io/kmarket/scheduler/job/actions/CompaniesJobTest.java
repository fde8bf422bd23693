package io.kmarket.scheduler.job.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.kmarket.scheduler.TestClock.seoul;
import static io.kmarket.scheduler.job.JobsTestSupport.awaitFinished;
import static io.kmarket.scheduler.job.JobsTestSupport.reset;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.DartStub;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.job.TestActions;
import io.kmarket.scheduler.job.engine.JobCatalog;
import io.kmarket.scheduler.job.engine.JobRunStore;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.testing.MovingClock;
import io.quarkus.test.junit.QuarkusTest;

/** The companies job: company.json for every listed company, new listings included, delisted ones left alone. */
@QuarkusTest
class CompaniesJobTest {

    private static final LocalDate DAY = LocalDate.of(2024, 11, 4);

    @Inject
    MovingClock clock;
    @Inject
    JobRunner runner;
    @Inject
    JobCatalog catalog;
    @Inject
    JobRunStore repository;
    @Inject
    TestActions actions;

    @BeforeEach
    void cleanSlate() throws SQLException {
        reset(actions, "companies");
        Db.execute("DELETE FROM market.companies WHERE corp_code IN ('00126380', '00164779', '01515323', '00999990')",
                "DELETE FROM market.stocks WHERE code IN ('005930', '005935', '000660', '373220', '999990')",
                """
                INSERT INTO market.stocks (code, name_ko, market, corp_code, listed_on, delisted_on) VALUES
                ('005930', '삼성전자', 'STK', '00126380', '1975-06-11', NULL),
                ('005935', '삼성전자우', 'STK', '00126380', '1989-09-25', NULL),
                ('000660', 'SK하이닉스', 'KSQ', '00164779', '1996-12-26', NULL),
                ('373220', 'LG에너지솔루션', 'STK', '01515323', '2024-11-04', NULL),
                ('999990', '상장폐지', 'KSQ', '00999990', '2001-01-02', '2020-05-04')""");
        clock.set(seoul("2024-11-04T05:30:00"));
    }

    @Test
    void everyListedCompanyGetsItsRecordAndAFreshRecordIsNotFetchedAgain() {
        var dart = UpstreamStub.server();
        // The stub is shared: another test may already have asked for one of these companies.
        dart.resetRequests();
        // Any other corp_code another test left listed: OpenDART's answer for a company it does not know.
        dart.stubFor(DartStub.endpoint("company.json").atPriority(10).willReturn(DartStub.json(
                "{\"status\":\"013\",\"message\":\"조회된 데이타가 없습니다.\"}")));
        stubCompany("00126380", "삼성전자(주)", "005930", "Y");
        stubCompany("00164779", "에스케이하이닉스(주)", "000660", "K");
        stubCompany("01515323", "주식회사 엘지에너지솔루션", "373220", "Y");

        runner.submit(catalog.find("companies").orElseThrow(), DAY, RunTrigger.SCHEDULE, null);
        assertThat(awaitFinished(repository, "companies", 1).getFirst().status()).isEqualTo(RunStatus.SUCCEEDED);
        int requested = companyRequests();
        runner.submit(catalog.find("companies").orElseThrow(), DAY, RunTrigger.MANUAL, null);
        assertThat(awaitFinished(repository, "companies", 2).get(1).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(Db.rows("SELECT corp_code, corp_name, stock_code, corp_cls FROM market.companies"
                + " WHERE corp_code IN ('00126380', '00164779', '01515323', '00999990') ORDER BY corp_code"))
                .containsExactly("00126380|삼성전자(주)|005930|Y", "00164779|에스케이하이닉스(주)|000660|K",
                        "01515323|주식회사 엘지에너지솔루션|373220|Y");
        dart.verify(1, getRequestedFor(urlPathEqualTo("/dart/api/company.json"))
                .withQueryParam("corp_code", equalTo("00126380")));
        dart.verify(0, getRequestedFor(urlPathEqualTo("/dart/api/company.json"))
                .withQueryParam("corp_code", equalTo("00999990")));
        // Every record is fresh now: the second run asks nothing.
        assertThat(companyRequests()).isEqualTo(requested);
    }

    private static void stubCompany(String corpCode, String name, String stockCode, String corpCls) {
        String body = new String(UpstreamStub.sample("dart/company_samsung.json"), StandardCharsets.UTF_8)
                .replace("\"corp_code\":\"00126380\"", "\"corp_code\":\"" + corpCode + "\"")
                .replace("\"corp_name\":\"삼성전자(주)\"", "\"corp_name\":\"" + name + "\"")
                .replace("\"stock_code\":\"005930\"", "\"stock_code\":\"" + stockCode + "\"")
                .replace("\"corp_cls\":\"Y\"", "\"corp_cls\":\"" + corpCls + "\"");
        UpstreamStub.server().stubFor(DartStub.endpoint("company.json").atPriority(1)
                .withQueryParam("corp_code", equalTo(corpCode)).willReturn(DartStub.json(body)));
    }

    private static int companyRequests() {
        return UpstreamStub.server().countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/dart/api/company.json")).build()).getCount();
    }
}
