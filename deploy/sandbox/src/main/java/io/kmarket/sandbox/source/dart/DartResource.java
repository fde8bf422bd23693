package io.kmarket.sandbox.source.dart;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.market.Company;
import io.kmarket.sandbox.market.Disclosure;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.source.Formats;
import io.kmarket.sandbox.source.PerClientRate;
import io.kmarket.sandbox.source.Responses;
import io.vertx.core.http.HttpServerRequest;

/**
 * OpenDART ({@code opendart.fss.or.kr/api}): filings search, company overview and the corp-code ZIP. Errors
 * are HTTP 200 with a {@code status} code, as at the real site.
 */
@Path("/dart/api")
public class DartResource {

    /** Without corp_code the real search window is limited to three months. */
    static final long MAX_DAYS_WITHOUT_CORP = 92;

    private final Market market;
    private final DartGate gate;
    private final CorpCodeArchive archive;
    private final ObjectMapper json;
    private final PerClientRate rate;
    private final Limits limits;

    public DartResource(Market market, DartGate gate, CorpCodeArchive archive, ObjectMapper json, PerClientRate rate,
            Limits limits) {
        this.market = market;
        this.gate = gate;
        this.archive = archive;
        this.json = json;
        this.rate = rate;
        this.limits = limits;
    }

    @GET
    @Path("/list.json")
    public Response list(@QueryParam("crtfc_key") String key, @QueryParam("corp_code") String corpCode,
            @QueryParam("bgn_de") String bgnDe, @QueryParam("end_de") String endDe,
            @QueryParam("corp_cls") String corpCls, @QueryParam("pblntf_ty") String type,
            @QueryParam("sort_mth") String sortMethod, @QueryParam("page_no") String pageNo,
            @QueryParam("page_count") String pageCount, @Context HttpServerRequest request) {
        if (!withinSecond(request)) {
            return PerClientRate.tooMany();
        }
        Optional<DartStatus> refused = gate.admit(key);
        if (refused.isPresent()) {
            return status(refused.get());
        }
        LocalDate end;
        LocalDate begin;
        int page;
        int size;
        try {
            end = endDe == null || endDe.isBlank() ? market.today() : Formats.parseBasic(endDe);
            begin = bgnDe == null || bgnDe.isBlank() ? end : Formats.parseBasic(bgnDe);
            page = pageNo == null || pageNo.isBlank() ? 1 : Integer.parseInt(pageNo);
            size = pageCount == null || pageCount.isBlank() ? 10 : Integer.parseInt(pageCount);
        } catch (DateTimeException | NumberFormatException e) {
            return status(DartStatus.BAD_FIELD);
        }
        if (page < 1 || size < 1 || size > 100 || end.isBefore(begin)
                || (sortMethod != null && !sortMethod.isBlank() && !List.of("asc", "desc").contains(sortMethod))) {
            return status(DartStatus.BAD_FIELD);
        }
        Company company = null;
        if (corpCode != null && !corpCode.isBlank()) {
            company = market.dart().byCorpOrStockCode(corpCode);
            if (company == null) {
                return status(DartStatus.NO_DATA);
            }
        } else if (ChronoUnit.DAYS.between(begin, end) > MAX_DAYS_WITHOUT_CORP) {
            return status(DartStatus.BAD_FIELD);
        }
        List<Disclosure> found = search(company, begin, end, corpCls, type);
        if (!"asc".equals(sortMethod)) {
            found = found.reversed();
        }
        if (found.isEmpty()) {
            return status(DartStatus.NO_DATA);
        }
        int totalPages = (found.size() + size - 1) / size;
        List<Map<String, String>> rows = new ArrayList<>();
        for (Disclosure d : found.subList(Math.min(found.size(), (page - 1) * size), Math.min(found.size(), page * size))) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("corp_code", d.company().corpCode());
            row.put("corp_name", d.company().name());
            row.put("stock_code", "E".equals(d.corpClass()) ? "" : d.company().stockCode());
            row.put("corp_cls", d.corpClass());
            row.put("report_nm", d.reportName());
            row.put("rcept_no", d.rceptNo());
            row.put("flr_nm", d.filer());
            row.put("rcept_dt", d.receiptDate().format(Formats.BASIC));
            row.put("rm", d.remark());
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", DartStatus.OK.code());
        body.put("message", DartStatus.OK.message());
        body.put("page_no", page);
        body.put("page_count", size);
        body.put("total_count", found.size());
        body.put("total_page", totalPages);
        body.put("list", rows);
        return json(body);
    }

    private List<Disclosure> search(Company company, LocalDate begin, LocalDate end, String corpCls, String type) {
        LocalDate last = end.isAfter(market.today()) ? market.today() : end;
        LocalDate first = company != null && begin.isBefore(market.calendar().day(0)) ? market.calendar().day(0) : begin;
        Instant now = market.now();
        List<Disclosure> result = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Disclosure d : market.dart().filedOn(day)) {
                // As at OpenDART, a filing is listed from its acceptance on: today's list grows into the evening.
                if (d.acceptedBy(now) && (company == null || d.company() == company)
                        && (corpCls == null || corpCls.isBlank() || corpCls.equals(d.corpClass()))
                        && (type == null || type.isBlank() || type.equals(d.type()))) {
                    result.add(d);
                }
            }
        }
        result.sort(Comparator.comparing(Disclosure::rceptNo));
        return result;
    }

    @GET
    @Path("/company.json")
    public Response company(@QueryParam("crtfc_key") String key, @QueryParam("corp_code") String corpCode,
            @Context HttpServerRequest request) {
        if (!withinSecond(request)) {
            return PerClientRate.tooMany();
        }
        Optional<DartStatus> refused = gate.admit(key);
        if (refused.isPresent()) {
            return status(refused.get());
        }
        if (corpCode == null || corpCode.isBlank()) {
            return status(DartStatus.BAD_FIELD);
        }
        Company c = market.dart().byCorpOrStockCode(corpCode);
        if (c == null) {
            return status(DartStatus.NO_DATA);
        }
        LocalDate today = market.today();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", DartStatus.OK.code());
        body.put("message", DartStatus.OK.message());
        body.put("corp_code", c.corpCode());
        body.put("corp_name", c.name() + "(주)");
        body.put("corp_name_eng", c.englishName().toUpperCase(java.util.Locale.ROOT));
        body.put("stock_name", c.listing() == null ? "" : c.name());
        body.put("stock_code", c.listing() == null ? "" : c.stockCode());
        body.put("ceo_nm", c.ceo());
        body.put("corp_cls", c.corpClass(today));
        body.put("jurir_no", c.jurirNo());
        body.put("bizr_no", c.bizrNo());
        body.put("adres", c.address());
        body.put("hm_url", c.homepage());
        body.put("ir_url", "");
        body.put("phn_no", c.phone());
        body.put("fax_no", c.fax());
        body.put("induty_code", c.industryCode());
        body.put("est_dt", c.established().format(Formats.BASIC));
        body.put("acc_mt", c.accountingMonth());
        return json(body);
    }

    /** The ZIP on success; an XML status document (not a ZIP) on error, as clients must detect. */
    @GET
    @Path("/corpCode.xml")
    public Response corpCodes(@QueryParam("crtfc_key") String key, @Context HttpServerRequest request) {
        if (!withinSecond(request)) {
            return PerClientRate.tooMany();
        }
        Optional<DartStatus> refused = gate.admit(key);
        if (refused.isPresent()) {
            return Responses.utf8(200, "application/xml;charset=UTF-8", refused.get().xml());
        }
        return Response.ok(archive.zip(), "application/x-msdownload")
                .header("Content-Disposition", "attachment; filename=CORPCODE.zip")
                .build();
    }

    /**
     * The per-second limit counts per client IP, not per key: a collector rotating keys still shares one
     * connection to the site, and its pacing is what the limit judges.
     */
    private boolean withinSecond(HttpServerRequest request) {
        return rate.admit(DartGate.SOURCE, request.remoteAddress().hostAddress(),
                () -> limits.current().dartRequestsPerSecond());
    }

    private static Response status(DartStatus status) {
        return Responses.utf8(200, Responses.JSON_UTF8, status.json());
    }

    private Response json(Map<String, Object> body) {
        return Responses.json(json, 200, Responses.JSON_UTF8, body);
    }
}
