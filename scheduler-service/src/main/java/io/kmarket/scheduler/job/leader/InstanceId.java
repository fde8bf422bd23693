package io.kmarket.scheduler.job.leader;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Names this process in ops.job_runs.instance_id, so a new leader can tell a dead process's runs from its own. */
@ApplicationScoped
public class InstanceId {

    private final String value = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    public String value() {
        return value;
    }
}
