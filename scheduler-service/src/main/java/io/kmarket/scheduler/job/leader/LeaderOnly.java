package io.kmarket.scheduler.job.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import io.kmarket.scheduler.fencing.EpochFence;

/**
 * Guards the operations only the leader may do (run a job now, collect): a standby answers 409 naming the leader
 * as ops.leader_epoch records it, instead of running the work beside the leader with limiters of its own.
 */
@ApplicationScoped
public class LeaderOnly {

    private final Leadership leadership;
    private final EpochFence fence;
    private final InstanceId instance;

    LeaderOnly(Leadership leadership, EpochFence fence, InstanceId instance) {
        this.leadership = leadership;
        this.fence = fence;
        this.instance = instance;
    }

    /** Confirms the lock now (a cached flag may be a heartbeat old); throws 409 when this instance is standby. */
    public void require() {
        if (leadership.confirmLeadership()) {
            return;
        }
        String leader = fence.leader()
                .filter(holder -> !holder.holder().equals(instance.value()))
                .map(holder -> "the leader is " + holder.holder() + " (epoch " + holder.epoch() + ")")
                .orElse("no instance leads right now, retry shortly");
        throw new ClientErrorException("this instance is standby; " + leader, Response.Status.CONFLICT);
    }
}
