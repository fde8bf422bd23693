package io.kmarket.sandbox.source.kis;

import static io.kmarket.sandbox.source.Formats.percent;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.limit.Throttles;
import io.kmarket.sandbox.market.Adjustment;
import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.IndexDefinition;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.Periods;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.market.SandboxClock;
import io.kmarket.sandbox.market.Seeds;
import io.kmarket.sandbox.market.TickSize;
import io.kmarket.sandbox.source.Responses;
import io.kmarket.sandbox.source.Formats;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * KIS Developers ({@code openapi.koreainvestment.com:9443}): token issuance and the two domestic price
 * quotations. Errors use the real envelopes: {@code error_code} for the token endpoint,
 * {@code rt_cd}/{@code msg_cd}/{@code msg1} (HTTP 500, as most reports measured) for the quotations.
 */
@Path("/kis")
public class KisResource {

    static final String SOURCE = "kis";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String OK_MESSAGE = "정상처리 되었습니다!";

    @RegisterForReflection
    public record TokenRequest(String grant_type, String appkey, String appsecret) {
    }

    private final KisTokens tokens;
    private final Market market;
    private final SandboxClock clock;
    private final SandboxStats stats;
    private final Limits limits;
    private final Throttles throttles;
    private final ObjectMapper json;
    private final Optional<List<String>> appKeys;

    public KisResource(KisTokens tokens, Market market, SandboxClock clock, SandboxStats stats, Limits limits,
            Throttles throttles, ObjectMapper json, SandboxConfig config) {
        this.tokens = tokens;
        this.market = market;
        this.clock = clock;
        this.stats = stats;
        this.limits = limits;
        this.throttles = throttles;
        this.json = json;
        this.appKeys = config.kis().appKeys();
    }

    @POST
    @Path("/oauth2/tokenP")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response token(TokenRequest request) {
        if (request == null || !"client_credentials".equals(request.grant_type())) {
            return tokenError(400, "EGW00002", "grant_type 이 client_credentials 가 아닙니다.");
        }
        if (request.appkey() == null || request.appkey().isBlank() || request.appsecret() == null
                || request.appsecret().isBlank() || (appKeys.isPresent() && !appKeys.get().contains(request.appkey()))) {
            stats.rejected(SOURCE, "invalidAppKey");
            return tokenError(403, "EGW00103", "유효하지 않은 AppKey입니다.");
        }
        Optional<KisTokens.Token> token = tokens.issue(request.appkey());
        if (token.isEmpty()) {
            return tokenError(403, "EGW00133", "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.get().value());
        body.put("access_token_token_expired", token.get().expiresAt().atZone(MarketTime.ZONE).format(EXPIRY));
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(clock.now(), token.get().expiresAt()).toSeconds());
        return json(200, body, null);
    }

    @GET
    @Path("/uapi/domestic-stock/v1/quotations/inquire-daily-price")
    public Response dailyPrice(@HeaderParam("authorization") String authorization, @HeaderParam("appkey") String appKey,
            @HeaderParam("tr_id") String trId, @QueryParam("FID_COND_MRKT_DIV_CODE") String marketCode,
            @QueryParam("FID_INPUT_ISCD") String code, @QueryParam("FID_PERIOD_DIV_CODE") String period,
            @QueryParam("FID_ORG_ADJ_PRC") String adjusted) {
        Optional<Response> refused = admit(authorization, appKey, trId, "FHKST01010400");
        if (refused.isPresent()) {
            return refused.get();
        }
        Listing listing = code == null ? null : market.universe().byCode(code);
        if (listing == null || !List.of("J", "UN", "NX").contains(String.valueOf(marketCode))
                || !List.of("D", "W", "M").contains(String.valueOf(period))) {
            return failure(500, "OPSQ2001", "ERROR : INPUT_FIELD_NAME FID_INPUT_ISCD", trId);
        }
        PriceHistory history = market.history(listing);
        List<Bar> bars = periods(history, period, "1".equals(adjusted));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            Bar bar = bars.get(i);
            long previousVolume = i > 0 ? bars.get(i - 1).volume() : 0;
            SplittableRandom r = Seeds.random(market.seed(), 41, listing.index(), bar.date().toEpochDay());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("stck_bsop_date", bar.date().format(Formats.BASIC));
            row.put("stck_oprc", String.valueOf(bar.open()));
            row.put("stck_hgpr", String.valueOf(bar.high()));
            row.put("stck_lwpr", String.valueOf(bar.low()));
            row.put("stck_clpr", String.valueOf(bar.close()));
            row.put("acml_vol", String.valueOf(bar.volume()));
            row.put("prdy_vrss_vol_rate", previousVolume == 0 ? "0.00" : percent(bar.volume(), previousVolume));
            row.put("prdy_vrss", String.valueOf(bar.change()));
            row.put("prdy_vrss_sign", sign(bar));
            row.put("prdy_ctrt", percent(bar.change(), bar.base()));
            row.put("hts_frgn_ehrt", foreignRatio(listing, bar.date()));
            row.put("frgn_ntby_qty", String.valueOf(Math.round(bar.volume() * (r.nextDouble() - 0.5) * 0.2)));
            int exDay = "D".equals(period) ? market.calendar().indexOf(bar.date()) : -1;
            row.put("flng_cls_code", exDay >= 0 ? history.exRightsCode(exDay) : "00");
            row.put("acml_prtt_rate", "0.00");
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("output", rows);
        body.put("rt_cd", "0");
        body.put("msg_cd", "MCA00000");
        body.put("msg1", OK_MESSAGE);
        return json(200, body, trId);
    }

    @GET
    @Path("/uapi/domestic-stock/v1/quotations/inquire-price")
    public Response price(@HeaderParam("authorization") String authorization, @HeaderParam("appkey") String appKey,
            @HeaderParam("tr_id") String trId, @QueryParam("FID_COND_MRKT_DIV_CODE") String marketCode,
            @QueryParam("FID_INPUT_ISCD") String code) {
        Optional<Response> refused = admit(authorization, appKey, trId, "FHKST01010100");
        if (refused.isPresent()) {
            return refused.get();
        }
        Listing listing = code == null ? null : market.universe().byCode(code);
        PriceHistory history = listing == null ? null : market.history(listing);
        int day = history == null ? -1 : Math.min(market.latestDay(), history.lastDay());
        if (history == null || day < history.firstDay() || !List.of("J", "UN", "NX").contains(String.valueOf(marketCode))) {
            return failure(500, "OPSQ2001", "ERROR : INPUT_FIELD_NAME FID_INPUT_ISCD", trId);
        }
        Bar bar = history.bar(day);
        long close = bar.close();
        long open = bar.halted() ? close : bar.open();
        long high = bar.halted() ? close : bar.high();
        long low = bar.halted() ? close : bar.low();
        long previousVolume = day > history.firstDay() ? history.bar(day - 1).volume() : 0;
        SplittableRandom r = Seeds.random(market.seed(), 42, listing.index());
        double eps = Math.max(1, close * (0.03 + r.nextDouble() * 0.1));
        double bps = close * (0.5 + r.nextDouble() * 1.5);
        double pivot = (high + low + close) / 3.0;
        Map<String, String> o = new LinkedHashMap<>();
        o.put("iscd_stat_cls_code", "55");
        o.put("marg_rate", "20.00");
        o.put("rprs_mrkt_kor_name", market.constituents(IndexDefinition.byTicker("1028"), bar.date()).contains(listing) ? "KOSPI200"
                : listing.market().englishName());
        o.put("bstp_kor_isnm", "기타");
        o.put("temp_stop_yn", bar.halted() ? "Y" : "N");
        o.put("oprc_rang_cont_yn", "N");
        o.put("clpr_rang_cont_yn", "N");
        o.put("crdt_able_yn", "Y");
        o.put("grmn_rate_cls_code", "40");
        o.put("elw_pblc_yn", "N");
        o.put("stck_prpr", String.valueOf(close));
        o.put("prdy_vrss", String.valueOf(bar.change()));
        o.put("prdy_vrss_sign", sign(bar));
        o.put("prdy_ctrt", percent(bar.change(), bar.base()));
        o.put("acml_tr_pbmn", String.valueOf(bar.value()));
        o.put("acml_vol", String.valueOf(bar.volume()));
        o.put("prdy_vrss_vol_rate", previousVolume == 0 ? "0.00" : percent(bar.volume(), previousVolume));
        o.put("stck_oprc", String.valueOf(open));
        o.put("stck_hgpr", String.valueOf(high));
        o.put("stck_lwpr", String.valueOf(low));
        o.put("stck_mxpr", String.valueOf(TickSize.upperLimit(bar.base())));
        o.put("stck_llam", String.valueOf(TickSize.lowerLimit(bar.base())));
        o.put("stck_sdpr", String.valueOf(bar.base()));
        o.put("wghn_avrg_stck_prc", bar.volume() == 0 ? String.format(Locale.ROOT, "%.2f", (double) close)
                : String.format(Locale.ROOT, "%.2f", (double) bar.value() / bar.volume()));
        o.put("hts_frgn_ehrt", foreignRatio(listing, bar.date()));
        o.put("frgn_ntby_qty", "0");
        o.put("pgtr_ntby_qty", "0");
        o.put("pvt_scnd_dmrs_prc", String.valueOf(Math.round(pivot + (high - low))));
        o.put("pvt_frst_dmrs_prc", String.valueOf(Math.round(2 * pivot - low)));
        o.put("pvt_pont_val", String.valueOf(Math.round(pivot)));
        o.put("pvt_frst_dmsp_prc", String.valueOf(Math.round(2 * pivot - high)));
        o.put("pvt_scnd_dmsp_prc", String.valueOf(Math.round(pivot - (high - low))));
        o.put("dmrs_val", String.valueOf(Math.round((high + close) / 2.0)));
        o.put("dmsp_val", String.valueOf(Math.round((low + close) / 2.0)));
        o.put("cpfn", String.valueOf(history.par(day) * bar.shares() / 100_000_000L));
        o.put("rstc_wdth_prc", String.valueOf(TickSize.upperLimit(bar.base()) - bar.base()));
        o.put("stck_fcam", String.valueOf(history.par(day)));
        o.put("stck_sspr", String.valueOf(TickSize.floor(close * 0.76)));
        o.put("aspr_unit", String.valueOf(TickSize.of(close)));
        o.put("hts_deal_qty_unit_val", "1");
        o.put("lstn_stcn", String.valueOf(bar.shares()));
        o.put("hts_avls", String.valueOf(bar.marketCap() / 100_000_000L));
        o.put("per", String.format(Locale.ROOT, "%.2f", close / eps));
        o.put("pbr", String.format(Locale.ROOT, "%.2f", close / bps));
        o.put("stac_month", "12");
        o.put("vol_tnrt", percent(bar.volume(), bar.shares()));
        o.put("eps", String.format(Locale.ROOT, "%.2f", eps));
        o.put("bps", String.format(Locale.ROOT, "%.2f", bps));
        putRange(o, history, day, close);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("output", o);
        body.put("rt_cd", "0");
        body.put("msg_cd", "MCA00000");
        body.put("msg1", OK_MESSAGE);
        return json(200, body, trId);
    }

    /** 250-day high and low with their dates and distance from the current price. */
    private static void putRange(Map<String, String> o, PriceHistory history, int day, long close) {
        int from = Math.max(history.firstDay(), day - 249);
        Bar highest = null;
        Bar lowest = null;
        for (int d = from; d <= day; d++) {
            Bar raw = history.bar(d);
            if (raw.halted()) {
                continue;
            }
            // Prices before a split inside the window are expressed in today's share terms.
            Bar scaled = raw.adjusted(history.factor(d, Adjustment.SPLIT) / history.factor(day, Adjustment.SPLIT));
            if (highest == null || scaled.high() > highest.high()) {
                highest = scaled;
            }
            if (lowest == null || scaled.low() < lowest.low()) {
                lowest = scaled;
            }
        }
        long high = highest == null ? close : highest.high();
        long low = lowest == null ? close : lowest.low();
        o.put("d250_hgpr", String.valueOf(high));
        o.put("d250_hgpr_date", highest == null ? "" : highest.date().format(Formats.BASIC));
        o.put("d250_hgpr_vrss_prpr_rate", percent(close - high, high));
        o.put("d250_lwpr", String.valueOf(low));
        o.put("d250_lwpr_date", lowest == null ? "" : lowest.date().format(Formats.BASIC));
        o.put("d250_lwpr_vrss_prpr_rate", percent(close - low, low));
    }

    /** Token, then per-second rate per app key, then the transaction id the endpoint serves. */
    private Optional<Response> admit(String authorization, String appKey, String trId, String expectedTrId) {
        String value = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        KisTokens.Token token = tokens.find(value);
        if (token == null || appKey == null || !appKey.equals(token.appKey())) {
            stats.rejected(SOURCE, "invalidToken");
            return Optional.of(failure(500, "EGW00121", "유효하지 않은 token 입니다.", trId));
        }
        if (!clock.now().isBefore(token.expiresAt())) {
            stats.rejected(SOURCE, "expiredToken");
            return Optional.of(failure(500, "EGW00123", "기간이 만료된 token 입니다.", trId));
        }
        if (!throttles.counter(SOURCE).tryAcquire(appKey, limits.current().kisRequestsPerSecond(), Duration.ofSeconds(1),
                clock.now())) {
            stats.violation(SOURCE, "rate");
            return Optional.of(failure(500, "EGW00201", "초당 거래건수를 초과하였습니다.", trId));
        }
        if (!expectedTrId.equals(trId)) {
            return Optional.of(failure(500, "EGW00205", "tr_id 가 올바르지 않습니다.", trId));
        }
        return Optional.empty();
    }

    /** Daily bars, or weekly/monthly ones aggregated from them. */
    private List<Bar> periods(PriceHistory history, String period, boolean adjusted) {
        int last = Math.min(market.latestDay(), history.lastDay());
        int first = Math.max(history.firstDay(), last - ("D".equals(period) ? 40 : "W".equals(period) ? 200 : 800));
        List<Bar> days = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            days.add(adjusted ? history.adjustedBar(day) : history.bar(day));
        }
        return Periods.aggregate(days, switch (period) {
            case "W" -> Periods.Frame.WEEK;
            case "M" -> Periods.Frame.MONTH;
            default -> Periods.Frame.DAY;
        });
    }

    /** {@code 1} upper limit, {@code 2} up, {@code 3} flat, {@code 4} lower limit, {@code 5} down. */
    private static String sign(Bar bar) {
        if (bar.limitUp()) {
            return "1";
        }
        if (bar.limitDown()) {
            return "4";
        }
        return bar.change() > 0 ? "2" : bar.change() < 0 ? "5" : "3";
    }

    private String foreignRatio(Listing listing, LocalDate date) {
        double base = Seeds.random(market.seed(), 43, listing.index()).nextDouble() * 50;
        double noise = Seeds.random(market.seed(), 44, listing.index(), date.toEpochDay()).nextDouble() * 0.5;
        return String.format(Locale.ROOT, "%.2f", Math.min(100, base + noise));
    }

    private Response failure(int status, String code, String message, String trId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rt_cd", "1");
        body.put("msg_cd", code);
        body.put("msg1", message);
        return json(status, body, trId);
    }

    private Response tokenError(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_description", description);
        body.put("error_code", code);
        return json(status, body, null);
    }

    private Response json(int status, Map<String, Object> body, String trId) {
        Response response = Responses.json(json, status, "application/json; charset=utf-8", body);
        if (trId != null) {
            response.getHeaders().add("tr_id", trId);
            response.getHeaders().add("tr_cont", "");
        }
        return response;
    }
}
