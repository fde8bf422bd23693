package io.kmarket.scheduler.collect.fetch.krx;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SiteBlockedException;
import io.kmarket.scheduler.collect.fetch.SourceUnconfiguredException;
import io.kmarket.scheduler.collect.fetch.UrlEncodedForm;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.site.SiteRuntime;

/**
 * The KRX Data Marketplace: form POSTs to getJsonData.cmd with a logged-in session. The session (cookies of the
 * site's runtime) is renewed 5 minutes before its hour is up, and at once when KRX answers 400 {@code LOGOUT}.
 */
@ApplicationScoped
public class KrxClient {

    public static final String ACCESS_METHOD = "HTTP_JSON_FORM";
    static final String DATA_PATH = "/comm/bldAttendant/getJsonData.cmd";
    static final String LOGIN_PAGE = "/contents/MDC/COMS/client/MDCCOMS001.cmd";
    static final String LOGIN_VIEW = "/contents/MDC/COMS/client/view/login.jsp?site=mdc";
    static final String LOGIN_PATH = "/contents/MDC/COMS/client/MDCCOMS001D1.cmd";
    private static final String REFERER = "https://data.krx.co.kr/contents/MDC/MDI/outerLoader/index.cmd";
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(55);
    private static final Logger LOG = Logger.getLogger(KrxClient.class);
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private final SourcesConfig.Krx config;
    private final Clock clock;

    KrxClient(SourcesConfig sources, Clock clock) {
        this.config = sources.krx();
        this.clock = clock;
    }

    /** POSTs the form (plus {@code bld}, last as pykrx does) and returns the parsed JSON answer. */
    public JsonNode post(FetchContext context, String bld, Map<String, String> params) throws InterruptedException {
        if (config.username().isEmpty() || config.password().isEmpty()) {
            throw new SourceUnconfiguredException(
                    "KRX needs KMARKET_SOURCES_KRX_USERNAME and KMARKET_SOURCES_KRX_PASSWORD (login is mandatory)");
        }
        Map<String, String> form = new LinkedHashMap<>(params);
        form.put("bld", bld);
        Instant session = ensureSession(context);
        HttpResponse<byte[]> response = context.sendInSession(dataRequest(form), KrxClient::checkBlocked);
        if (isLogout(response)) {
            LOG.infof("KRX answered LOGOUT for %s, logging in again", context.task().key());
            // Only the session this request used: when another worker has logged in since, its new session is
            // good, and a second login would end it (KRX keeps one session per member).
            context.site().endSession(session);
            ensureSession(context);
            response = context.sendInSession(dataRequest(form), KrxClient::checkBlocked);
            if (isLogout(response)) {
                throw new RejectedRequestException("KRX still answers LOGOUT right after a successful login");
            }
        }
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("KRX answered HTTP " + response.statusCode() + ": "
                    + JsonBodies.excerpt(response.body()));
        }
        return JsonBodies.parse(response.body());
    }

    private HttpRequest.Builder dataRequest(Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(config.baseUrl() + DATA_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Referer", REFERER)
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(UrlEncodedForm.body(form));
    }

    private static boolean isLogout(HttpResponse<byte[]> response) {
        return response.statusCode() >= 400 && response.statusCode() < 500
                && new String(response.body(), StandardCharsets.UTF_8).trim().equals("LOGOUT");
    }

    /** KRX's IP block answers 403 or a 200 HTML notice page instead of JSON. */
    private static void checkBlocked(HttpResponse<byte[]> response) {
        ResponseCheck.standard(response);
        String head = new String(response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8);
        if (response.statusCode() == 403 || head.stripLeading().startsWith("<") && head.contains("제한")) {
            throw new SiteBlockedException("KRX blocked this client: HTTP " + response.statusCode());
        }
    }

    /** Logs in unless the site holds a live session; returns that session's end, which identifies it. */
    private Instant ensureSession(FetchContext context) throws InterruptedException {
        SiteRuntime site = context.site();
        Instant validUntil = site.sessionValidUntil();
        if (validUntil != null && clock.instant().isBefore(validUntil)) {
            return validUntil;
        }
        synchronized (site) {
            validUntil = site.sessionValidUntil();
            if (validUntil != null && clock.instant().isBefore(validUntil)) {
                return validUntil;
            }
            site.sessionGate().close();
            try {
                site.cookies().getCookieStore().removeAll();
                login(context);
                validUntil = clock.instant().plus(SESSION_LIFETIME);
                site.sessionValidUntil(validUntil);
                return validUntil;
            } finally {
                site.sessionGate().open();
            }
        }
    }

    private void login(FetchContext context) throws InterruptedException {
        loginPage(context.send(HttpRequest.newBuilder(URI.create(config.baseUrl() + LOGIN_PAGE)).GET(),
                ResponseCheck.STANDARD));
        loginPage(context.send(HttpRequest.newBuilder(URI.create(config.baseUrl() + LOGIN_VIEW))
                .header("Referer", config.baseUrl() + LOGIN_PAGE).GET(), ResponseCheck.STANDARD));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mbrNm", "");
        form.put("telNo", "");
        form.put("di", "");
        form.put("certType", "");
        form.put("mbrId", config.username().orElseThrow());
        form.put("pw", config.password().orElseThrow());
        String code = loginCode(context, form);
        if ("CD011".equals(code)) {
            // Logged in elsewhere: KRX asks to confirm taking the session over.
            form.put("skipDup", "Y");
            code = loginCode(context, form);
        }
        if (!"CD001".equals(code)) {
            throw new RejectedRequestException("KRX login refused with " + code);
        }
        LOG.debugf("Logged in to KRX as %s", config.username().orElseThrow());
    }

    /**
     * Only the session cookie of the login pages is used, but a maintenance notice (점검) served in their place
     * means the site is not answering as itself: a malformed answer, recorded as such rather than ignored.
     */
    private static void loginPage(HttpResponse<byte[]> response) {
        String head = new String(response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8);
        Matcher title = TITLE.matcher(head);
        if (title.find() && title.group(1).contains("점검")) {
            throw new MalformedPayloadException("KRX served a maintenance page instead of its login page: "
                    + title.group(1).strip());
        }
    }

    private String loginCode(FetchContext context, Map<String, String> form) throws InterruptedException {
        HttpResponse<byte[]> response = context.send(
                HttpRequest.newBuilder(URI.create(config.baseUrl() + LOGIN_PATH))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Referer", config.baseUrl() + LOGIN_VIEW)
                        .POST(UrlEncodedForm.body(form)),
                KrxClient::checkBlocked);
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("KRX login answered HTTP " + response.statusCode());
        }
        JsonNode answer = JsonBodies.parse(response.body());
        String code = JsonBodies.text(answer, "_error_code");
        if (code == null) {
            throw new MalformedPayloadException("KRX login answer has no _error_code: "
                    + JsonBodies.excerpt(response.body()));
        }
        return code;
    }
}
