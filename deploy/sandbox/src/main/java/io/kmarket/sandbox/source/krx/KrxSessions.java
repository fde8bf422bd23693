package io.kmarket.sandbox.source.krx;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.config.SandboxReset;
import io.kmarket.sandbox.market.SandboxClock;
import io.kmarket.sandbox.market.Seeds;

/**
 * KRX Data Marketplace sessions: a JSESSIONID issued by the first page view, authenticated by the member
 * login, expiring after an idle period. One member may hold one session: a second login answers CD011
 * (duplicate) unless the client confirms with {@code skipDup=Y}, which ends the older session.
 */
@ApplicationScoped
public class KrxSessions {

    public enum LoginResult {
        OK, BAD_CREDENTIALS, DUPLICATE
    }

    private static final class Session {
        volatile String member;
        volatile Instant expires;
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> credentials;
    private final Duration ttl;
    private final SandboxClock clock;
    private final SplittableRandom ids;

    public KrxSessions(SandboxConfig config, SandboxClock clock) {
        this.clock = clock;
        this.ttl = config.krx().sessionTtl();
        this.credentials = new ConcurrentHashMap<>();
        config.krx().accounts().ifPresent(list -> list.forEach(entry -> {
            String[] parts = entry.split(":", 2);
            credentials.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
        }));
        this.ids = Seeds.random(config.seed(), 77);
    }

    /** Starts a new anonymous session and returns its id. */
    public String open() {
        String id;
        synchronized (ids) {
            byte[] bytes = new byte[24];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ids.nextInt(256);
            }
            id = HexFormat.of().withUpperCase().formatHex(bytes);
        }
        Session session = new Session();
        session.expires = clock.now().plus(ttl);
        sessions.put(id, session);
        return id;
    }

    public boolean exists(String id) {
        return live(id).isPresent();
    }

    public LoginResult login(String id, String member, String password, boolean skipDuplicate) {
        Session session = live(id).orElseThrow();
        if (member == null || member.isBlank() || password == null || password.isBlank()
                || (!credentials.isEmpty() && !password.equals(credentials.get(member)))) {
            return LoginResult.BAD_CREDENTIALS;
        }
        for (Map.Entry<String, Session> other : sessions.entrySet()) {
            if (!other.getKey().equals(id) && member.equals(other.getValue().member)
                    && clock.now().isBefore(other.getValue().expires)) {
                if (!skipDuplicate) {
                    return LoginResult.DUPLICATE;
                }
                other.getValue().member = null;
            }
        }
        session.member = member;
        session.expires = clock.now().plus(ttl);
        return LoginResult.OK;
    }

    /** Whether {@code id} is a logged-in, unexpired session; touching it extends its life. */
    public boolean authenticated(String id) {
        Optional<Session> session = live(id);
        if (session.isEmpty() || session.get().member == null) {
            return false;
        }
        session.get().expires = clock.now().plus(ttl);
        return true;
    }

    void onReset(@Observes SandboxReset reset) {
        sessions.clear();
    }

    private Optional<Session> live(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null || !clock.now().isBefore(session.expires)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }
}
