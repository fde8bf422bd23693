package io.kmarket.scheduler.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A deployment without KIS credentials: KIS tasks are skipped (not failed) and the run still succeeds. */
@QuarkusTest
@TestProfile(UnconfiguredSourceTest.WithoutKis.class)
class UnconfiguredSourceTest {

    public static class WithoutKis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmarket.sources.kis.app-key", "", "kmarket.sources.kis.app-secret", "");
        }
    }

    @Inject
    CollectionService collection;

    @Test
    void aSourceWithoutCredentialsIsSkippedWithARecord() {
        CollectionRunSummary run = collection.run(new CollectionPlan("no kis", List.of(
                CollectionTask.of("KIS", Dataset.QUOTE, "005930"), CollectionTask.of("KIS", Dataset.QUOTE, "000660"))),
                ProgressListener.NONE);

        assertThat(run.tasksSkipped()).isEqualTo(2);
        assertThat(run.skippedUnconfigured()).isEqualTo(2);
        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT status, error_type FROM ops.fetch_execution_logs WHERE run_id = '" + run.runId()
                + "'")).containsExactly("skipped|unconfigured", "skipped|unconfigured");
    }
}
