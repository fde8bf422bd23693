package io.kmarket.sandbox.source.krx;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.limit.Blocks;
import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.limit.Throttles;
import io.kmarket.sandbox.limit.WindowCounter;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.SandboxClock;
import io.kmarket.sandbox.source.Formats;
import io.kmarket.sandbox.source.Responses;
import io.vertx.core.http.HttpServerRequest;

/**
 * KRX Data Marketplace ({@code data.krx.co.kr}): the member login that issues an authenticated JSESSIONID,
 * the {@code getJsonData.cmd} datasets (HTTP 400 {@code LOGOUT} without a session) and the latest business
 * day lookup. Clients going faster than the configured rate get their IP blocked with the 2026 block
 * notice (HTTP 403) for the configured duration.
 */
@Path("/krx")
public class KrxResource {

    static final String SOURCE = "krx";
    private static final DateTimeFormatter CURRENT_DATETIME =
            DateTimeFormatter.ofPattern("yyyy.MM.dd a hh:mm:ss", Locale.US);
    static final String BLOCK_NOTICE = """
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8"><title>KRX 정보데이터시스템 접속 제한 안내</title></head>
            <body><h1>접속 제한 안내</h1>
            <p>자동화 수단을 통한 비정상 대량 조회가 감지되어 해당 IP의 접속이 일시적으로 제한되었습니다.</p>
            <p>탐지일로부터 1일간 접속이 제한되며, 재탐지 시 재적용됩니다.</p>
            <p>데이터가 필요하신 경우 KRX Open API(openapi.krx.co.kr) 등 공식 경로를 이용해 주시기 바랍니다.</p>
            </body></html>
            """;

    private final KrxDatasets datasets;
    private final KrxSessions sessions;
    private final Market market;
    private final SandboxClock clock;
    private final SandboxStats stats;
    private final Limits limits;
    private final ObjectMapper json;
    private final Duration blockDuration;
    private final WindowCounter counter;
    private final Blocks blocks;

    public KrxResource(KrxDatasets datasets, KrxSessions sessions, Market market, SandboxClock clock,
            SandboxStats stats, Limits limits, Throttles throttles, ObjectMapper json, SandboxConfig config) {
        this.datasets = datasets;
        this.sessions = sessions;
        this.market = market;
        this.clock = clock;
        this.stats = stats;
        this.limits = limits;
        this.json = json;
        this.blockDuration = config.krx().blockDuration();
        this.counter = throttles.counter(SOURCE);
        this.blocks = throttles.blocks(SOURCE);
    }

    @POST
    @Path("/comm/bldAttendant/getJsonData.cmd")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response getJsonData(MultivaluedMap<String, String> form, @CookieParam("JSESSIONID") String session,
            @Context HttpServerRequest request) {
        String ip = request.remoteAddress().hostAddress();
        if (blocks.blocked(ip, clock.now())) {
            stats.rejected(SOURCE, "ipBlocked");
            return Responses.utf8(403, Responses.TEXT_HTML_UTF8, BLOCK_NOTICE);
        }
        if (!counter.tryAcquire(ip, limits.current().krxRequestsPerSecond(), Duration.ofSeconds(1), clock.now())) {
            stats.violation(SOURCE, "rate");
            blocks.block(ip, clock.now(), blockDuration);
            return Responses.utf8(403, Responses.TEXT_HTML_UTF8, BLOCK_NOTICE);
        }
        if (!sessions.authenticated(session)) {
            stats.rejected(SOURCE, "logout");
            return Responses.utf8(400, Responses.TEXT_HTML_UTF8, "LOGOUT");
        }
        String bld = form.getFirst("bld");
        if (bld == null || bld.isBlank()) {
            return Responses.utf8(400, Responses.TEXT_HTML_UTF8, "bld is required");
        }
        try {
            Map.Entry<String, List<Map<String, String>>> data = datasets.answer(bld, form);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(data.getKey(), data.getValue());
            body.put("CURRENT_DATETIME", clock.nowInSeoul().format(CURRENT_DATETIME));
            return Responses.json(json, 200, Responses.TEXT_HTML_UTF8, body);
        } catch (KrxDatasets.Refused e) {
            return Responses.utf8(400, Responses.TEXT_HTML_UTF8, e.getMessage());
        }
    }

    /** The latest business day, as FDR reads it: {@code result.output[0].max_work_dt}. */
    @GET
    @Path("/comm/bldAttendant/executeForResourceBundle.cmd")
    public Response latestBusinessDay(@QueryParam("baseName") String baseName, @QueryParam("key") String key) {
        int day = market.latestDay();
        String date = day < 0 ? "" : market.calendar().day(day).format(Formats.BASIC);
        return Responses.utf8(200, Responses.TEXT_HTML_UTF8,
                "{\"result\":{\"output\":[{\"max_work_dt\":\"" + date + "\"}]}}");
    }

    /** Step 1 of the login: the member page issues the session cookie. */
    @GET
    @Path("/contents/MDC/COMS/client/MDCCOMS001.cmd")
    public Response memberPage(@CookieParam("JSESSIONID") String session) {
        return page(session, "<html><head><title>KRX 정보데이터시스템 로그인</title></head><body></body></html>");
    }

    /** Step 2: the login form. */
    @GET
    @Path("/contents/MDC/COMS/client/view/login.jsp")
    public Response loginForm(@CookieParam("JSESSIONID") String session, @QueryParam("site") String site) {
        return page(session, "<html><body><form id=\"loginForm\" action=\"/contents/MDC/COMS/client/MDCCOMS001D1.cmd\">"
                + "<input name=\"mbrId\"/><input name=\"pw\" type=\"password\"/></form></body></html>");
    }

    /** Step 3: the login itself; {@code _error_code} CD001 on success, CD011 on a duplicate login. */
    @POST
    @Path("/contents/MDC/COMS/client/MDCCOMS001D1.cmd")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(MultivaluedMap<String, String> form, @CookieParam("JSESSIONID") String session) {
        String id = sessions.exists(session) ? session : sessions.open();
        KrxSessions.LoginResult result = sessions.login(id, form.getFirst("mbrId"), form.getFirst("pw"),
                "Y".equals(form.getFirst("skipDup")));
        String body = switch (result) {
            case OK -> "{\"_error_code\":\"CD001\",\"_error_message\":\"정상\"}";
            case DUPLICATE -> "{\"_error_code\":\"CD011\",\"_error_message\":\"이미 로그인 중인 사용자입니다. 기존 접속을 종료하고 로그인하시겠습니까?\"}";
            case BAD_CREDENTIALS -> "{\"_error_code\":\"CD002\",\"_error_message\":\"아이디 또는 비밀번호가 일치하지 않습니다.\"}";
        };
        Response.ResponseBuilder builder = Response.ok(body.getBytes(StandardCharsets.UTF_8))
                .type(Responses.JSON_UTF8);
        if (!id.equals(session)) {
            builder.cookie(sessionCookie(id));
        }
        return builder.build();
    }

    private Response page(String session, String html) {
        Response.ResponseBuilder builder = Response.ok(html.getBytes(StandardCharsets.UTF_8))
                .type(Responses.TEXT_HTML_UTF8);
        if (!sessions.exists(session)) {
            builder.cookie(sessionCookie(sessions.open()));
        }
        return builder.build();
    }

    private static NewCookie sessionCookie(String id) {
        return new NewCookie.Builder("JSESSIONID").value(id).path("/").httpOnly(true).build();
    }
}
