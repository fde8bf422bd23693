package io.kmarket.scheduler.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.kmarket.scheduler.job.leader.InstanceId;
import io.kmarket.scheduler.job.leader.Leadership;

/** Reports leader or standby. Both are ready: a standby serves the internal API and is the failover. */
@Readiness
@ApplicationScoped
public class SchedulerRoleHealthCheck implements HealthCheck {

    private final Leadership leadership;
    private final InstanceId instance;

    SchedulerRoleHealthCheck(Leadership leadership, InstanceId instance) {
        this.leadership = leadership;
        this.instance = instance;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scheduler-role").up()
                .withData("role", leadership.role())
                .withData("instance", instance.value())
                .withData("leaderElection", leadership.electionEnabled())
                .build();
    }
}
