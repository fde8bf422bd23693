package io.kmarket.scheduler.job.leader;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.LeaderEpochStore;
import io.kmarket.scheduler.fencing.Term;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.job.engine.JobRunner;
import io.kmarket.scheduler.job.engine.NewLeaderRecovery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * This instance's role. Only the leader fires jobs; the role is in /q/health and in the gauge
 * kmarket_scheduler_leader (1 leader, 0 standby). The epoch of the leadership held is in {@link CurrentTerm}: set
 * before anything fires, cleared before the runs are detached on a step-down.
 */
@ApplicationScoped
public class Leadership {

    private final JobsConfig config;
    private final NewLeaderRecovery recovery;
    private final CurrentTerm term;
    private final Jdbc jdbc;
    private final InstanceId instance;
    private final Clock clock;
    private final AtomicInteger leaderGauge = new AtomicInteger();
    private final LeaderElector elector;
    private final LeadershipLease lease;
    private volatile boolean singleInstanceLeader;

    Leadership(JobsConfig config, NewLeaderRecovery recovery, JobRunner runner, CurrentTerm term, Jdbc jdbc,
            InstanceId instance, Clock clock, MeterRegistry registry, LeadershipLease lease,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.config = config;
        this.recovery = recovery;
        this.term = term;
        this.jdbc = jdbc;
        this.instance = instance;
        this.clock = clock;
        this.lease = lease;
        Gauge.builder("kmarket.scheduler.leader", leaderGauge, AtomicInteger::get)
                .description("1 when this scheduler instance is the leader, 0 when standby").register(registry);
        this.elector = config.leader().enabled()
                ? new LeaderElector(url, user, password, config.leader().lockKey(), config.leader().sessionTimeout(),
                        instance.value(), clock, new LeaderElector.Listener() {
                            @Override
                            public void elected(long epoch) {
                                term.begin(new Term(config.leader().lockKey(), epoch));
                                recovery.recover();
                                leaderGauge.set(1);
                            }

                            @Override
                            public void deposed() {
                                // Before the runs are detached: a run starting meanwhile is refused, not orphaned.
                                term.end();
                                leaderGauge.set(0);
                                runner.detachAll();
                            }
                        }, lease)
                : null;
    }

    void onStart(@Observes StartupEvent start) {
        if (elector == null) {
            term.begin(new Term(config.leader().lockKey(), singleInstanceEpoch()));
            recovery.recover();
            singleInstanceLeader = true;
            lease.always();
            leaderGauge.set(1);
        } else {
            elector.poll();
        }
    }

    /** Without election the newest process leads: an older one still running is fenced like a deposed leader. */
    private long singleInstanceEpoch() {
        // Any pooled connection will do: without election there is no lock session to bump the epoch in.
        return jdbc.withConnection(connection -> LeaderEpochStore.bump(connection, config.leader().lockKey(),
                instance.value(), clock.instant()));
    }

    @Scheduled(every = "${kmarket.jobs.leader.heartbeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (elector != null) {
            elector.poll();
        }
    }

    /** Checks the lock session right now; false (and standby from now on) if it is gone. */
    public boolean confirmLeadership() {
        return elector == null ? singleInstanceLeader : elector.confirmLeadership();
    }

    public boolean isLeader() {
        return elector == null ? singleInstanceLeader : elector.isLeader();
    }

    public String role() {
        return isLeader() ? "leader" : "standby";
    }

    public boolean electionEnabled() {
        return config.leader().enabled();
    }

    @PreDestroy
    void release() {
        if (elector != null) {
            elector.close();
        }
    }
}
