package io.kmarket.scheduler.collect.fetch.dart;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.Company;

/** company.json: one company's master data, by its 8-digit corp_code. */
@Singleton
public class DartCompanyFetcher extends DartFetcher {

    DartCompanyFetcher(DartClient dart) {
        super(dart, Dataset.COMPANY);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        DartClient.Answer answer = dart.get(context, "company.json",
                Map.of("corp_code", context.task().subject()), DartStatusReader.JSON_FIELD);
        if (answer.noData()) {
            return FetchResult.of(List.of());
        }
        JsonNode company = JsonBodies.parse(answer.body());
        try {
            return FetchResult.of(List.of(company(company)));
        } catch (RowException e) {
            throw new MalformedPayloadException("company.json: " + e.getMessage(), e);
        }
    }

    static Company company(JsonNode row) {
        String corpCode = Values.corpCode("corp_code", text(row, "corp_code"));
        String stockCode = Values.optionalStockCode("stock_code", text(row, "stock_code"));
        return new Company(corpCode, Values.requiredText("corp_name", text(row, "corp_name")),
                Values.text(text(row, "corp_name_eng")),
                stockCode,
                Values.text(text(row, "corp_cls")), Values.text(text(row, "ceo_nm")),
                Values.text(text(row, "hm_url")), Values.text(text(row, "induty_code")),
                Values.compactDate("est_dt", text(row, "est_dt")), Values.text(text(row, "acc_mt")));
    }
}
