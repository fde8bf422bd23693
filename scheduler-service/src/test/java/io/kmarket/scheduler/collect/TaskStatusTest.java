package io.kmarket.scheduler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The task statuses are exactly those the CHECK constraint of ops.fetch_execution_logs.status allows. */
@QuarkusTest
class TaskStatusTest {

    @Test
    void everyStatusIsOneTheColumnAllowsAndEveryAllowedValueIsAStatus() {
        String check = Db.rows("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                 WHERE c.conrelid = 'ops.fetch_execution_logs'::regclass AND c.contype = 'c'
                   AND pg_get_constraintdef(c.oid) LIKE '%status%'""").getFirst();
        List<String> allowed = Pattern.compile("'([a-z_]+)'").matcher(check).results().map(m -> m.group(1))
                .toList();

        assertThat(allowed).containsExactlyInAnyOrder("success", "failed", "timeout", "skipped");
        assertThat(Arrays.stream(TaskStatus.values()).map(TaskStatus::value))
                .containsExactlyInAnyOrderElementsOf(allowed);
    }
}
