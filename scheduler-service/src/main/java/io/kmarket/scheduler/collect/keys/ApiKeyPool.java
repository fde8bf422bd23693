package io.kmarket.scheduler.collect.keys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.keys.store.ApiKeyStore;

/**
 * A pool of API keys for one site: used in turn, each counted against its daily quota (days in KST, when the
 * sources reset), rested after a rate-limit answer until the next reset, disabled after
 * {@value #AUTH_FAILURES_TO_DISABLE} consecutive authentication failures. Every change is written to
 * ops.api_keys ({@link ApiKeyStore}), so a restart remembers it.
 */
public final class ApiKeyPool {

    static final int AUTH_FAILURES_TO_DISABLE = 5;
    private static final Logger LOG = Logger.getLogger(ApiKeyPool.class);

    private final String site;
    private final int dailyQuota;
    private final ApiKeyStore store;
    private final Clock clock;
    private final List<KeyState> keys = new ArrayList<>();
    private int next;

    /** One key and its state. */
    public static final class KeyState {
        private final String key;
        private final String fingerprint;
        private LocalDate usageDay;
        private int usedToday;
        private Instant restedUntil;
        private int authFailures;
        private boolean disabled;

        KeyState(String key) {
            this.key = key;
            this.fingerprint = Fingerprint.of(key);
        }

        public String key() {
            return key;
        }

        public String fingerprint() {
            return fingerprint;
        }
    }

    public ApiKeyPool(String site, List<String> keys, int dailyQuota, ApiKeyStore store, Clock clock) {
        this.site = site;
        this.dailyQuota = dailyQuota;
        this.store = store;
        this.clock = clock;
        keys.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct()
                .forEach(k -> this.keys.add(new KeyState(k)));
        load();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The next usable key, its use counted; fails when every key is resting, spent or disabled. */
    public synchronized KeyState take() {
        LocalDate today = MarketTime.today(clock);
        Instant now = clock.instant();
        for (int i = 0; i < keys.size(); i++) {
            KeyState key = keys.get((next + i) % keys.size());
            if (!today.equals(key.usageDay)) {
                key.usageDay = today;
                key.usedToday = 0;
            }
            boolean resting = key.restedUntil != null && now.isBefore(key.restedUntil);
            if (!key.disabled && !resting && key.usedToday < dailyQuota) {
                next = (next + i + 1) % keys.size();
                key.usedToday++;
                save(key);
                return key;
            }
        }
        throw new RejectedRequestException("every " + site + " API key is resting, spent for today or disabled");
    }

    /** The site said the key's quota is spent: rest it until the next daily reset (midnight KST). */
    public synchronized void rateLimited(KeyState key) {
        key.restedUntil = MarketTime.today(clock).plusDays(1).atStartOfDay(MarketTime.ZONE).toInstant();
        LOG.warnf("%s key %s hit its limit; resting it until %s", site, key.fingerprint, key.restedUntil);
        save(key);
    }

    public synchronized void authFailed(KeyState key) {
        key.authFailures++;
        if (key.authFailures >= AUTH_FAILURES_TO_DISABLE && !key.disabled) {
            key.disabled = true;
            LOG.errorf("%s key %s disabled after %d consecutive authentication failures", site, key.fingerprint,
                    key.authFailures);
        }
        save(key);
    }

    public synchronized void succeeded(KeyState key) {
        if (key.authFailures > 0) {
            key.authFailures = 0;
            save(key);
        }
    }

    private void load() {
        Map<String, ApiKeyStore.KeyRecord> saved = store.load(site, keys.stream().map(KeyState::fingerprint).toList());
        for (KeyState key : keys) {
            ApiKeyStore.KeyRecord record = saved.get(key.fingerprint);
            if (record != null) {
                key.usageDay = record.usageDay();
                key.usedToday = record.usedToday();
                key.restedUntil = record.restedUntil();
                key.authFailures = record.authFailures();
                key.disabled = record.disabled();
            }
        }
    }

    private void save(KeyState key) {
        store.save(site, key.fingerprint, dailyQuota, new ApiKeyStore.KeyRecord(
                key.usageDay == null ? MarketTime.today(clock) : key.usageDay, key.usedToday, key.restedUntil,
                key.authFailures, key.disabled));
    }
}
