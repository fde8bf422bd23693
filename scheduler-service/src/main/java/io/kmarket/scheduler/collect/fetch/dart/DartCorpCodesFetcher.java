package io.kmarket.scheduler.collect.fetch.dart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Singleton;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.parse.XmlBodies;
import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketRow.CorpCode;

/** corpCode.xml: a ZIP holding CORPCODE.xml, every company's corp_code and (if listed) its stock code. */
@Singleton
public class DartCorpCodesFetcher extends DartFetcher {

    DartCorpCodesFetcher(DartClient dart) {
        super(dart, Dataset.CORP_CODES);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        DartClient.Answer answer = dart.get(context, "corpCode.xml", Map.of(), DartStatusReader.ZIP_OR_XML_ERROR);
        if (answer.noData()) {
            return FetchResult.of(List.of());
        }
        List<MarketRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (XmlBodies.Element entry : XmlBodies.elements(unzip(answer.body()), "result", "list")) {
            try {
                rows.add(corpCode(entry.values()));
            } catch (RowException e) {
                rejections.add(new Rejection(e.getMessage(), entry.values().toString()));
            }
        }
        return new FetchResult(rows, rejections);
    }

    static CorpCode corpCode(Map<String, String> fields) {
        String corpCode = Values.corpCode("corp_code", fields.get("corp_code"));
        String stockCode = Values.optionalStockCode("stock_code", fields.get("stock_code"));
        return new CorpCode(corpCode, Values.requiredText("corp_name", fields.get("corp_name")),
                Values.text(fields.get("corp_eng_name")),
                stockCode,
                Values.compactDate("modify_date", fields.get("modify_date")));
    }

    private static byte[] unzip(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equalsIgnoreCase("CORPCODE.xml")) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new MalformedPayloadException("corpCode.xml is not a readable ZIP: " + e.getMessage(), e);
        }
        throw new MalformedPayloadException("corpCode.xml ZIP holds no CORPCODE.xml");
    }
}
