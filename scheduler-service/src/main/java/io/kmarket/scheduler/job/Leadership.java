package io.kmarket.scheduler.job;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.kmarket.scheduler.config.JobsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * This instance's role. Only the leader fires jobs; the role is in /q/health and in the gauge
 * kmarket_scheduler_leader (1 leader, 0 standby).
 */
@ApplicationScoped
public class Leadership {

    private final JobsConfig config;
    private final Recovery recovery;
    private final JobRunner runner;
    private final AtomicInteger leaderGauge = new AtomicInteger();
    private final LeaderElector elector;
    private volatile boolean singleInstanceLeader;

    Leadership(JobsConfig config, Recovery recovery, JobRunner runner, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.config = config;
        this.recovery = recovery;
        this.runner = runner;
        Gauge.builder("kmarket.scheduler.leader", leaderGauge, AtomicInteger::get)
                .description("1 when this scheduler instance is the leader, 0 when standby").register(registry);
        this.elector = config.leader().enabled()
                ? new LeaderElector(url, user, password, config.leader().lockKey(), config.leader().sessionTimeout(),
                        new LeaderElector.Listener() {
                            @Override
                            public void elected() {
                                recovery.recover();
                                leaderGauge.set(1);
                            }

                            @Override
                            public void deposed() {
                                leaderGauge.set(0);
                                runner.detachAll();
                            }
                        })
                : null;
    }

    void onStart(@Observes StartupEvent start) {
        if (elector == null) {
            recovery.recover();
            singleInstanceLeader = true;
            leaderGauge.set(1);
        } else {
            elector.poll();
        }
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
