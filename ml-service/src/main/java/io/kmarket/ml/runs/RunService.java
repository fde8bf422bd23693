package io.kmarket.ml.runs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.ml.runs.store.RunRepository;
import io.kmarket.ml.runs.store.RunRepository.Run;
import io.quarkus.runtime.StartupEvent;

/**
 * Starts the long computations behind the internal API and records how they end. One worker thread: runs
 * are CPU- and database-heavy on a small machine, and running them one after another means two overlapping
 * recomputes never race on the same rows.
 */
@ApplicationScoped
public class RunService {

    /** A unit of work that reports how many records it stored. */
    @FunctionalInterface
    public interface Work {
        long run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(RunService.class);

    private final RunRepository runs;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ml-run-", 0).daemon().factory());

    RunService(RunRepository runs, ObjectMapper json) {
        this.runs = runs;
        this.json = json;
    }

    void failRunsCutOffByRestart(@Observes StartupEvent event) {
        int failed = runs.failUnfinished();
        if (failed > 0) {
            LOG.warnf("Marked %d runs interrupted by the previous shutdown as failed", failed);
        }
    }

    /** Records the run as running, then queues it; the returned run is what the caller acknowledges. */
    public Run start(String kind, Map<String, ?> parameters, Work work) {
        UUID id = UUID.randomUUID();
        Run run = runs.insert(id, kind, toJson(parameters));
        worker.execute(() -> execute(id, kind, work));
        return run;
    }

    public Optional<Run> find(UUID id) {
        return runs.find(id);
    }

    private void execute(UUID id, String kind, Work work) {
        RunStatus status = RunStatus.FAILED;
        long records = 0;
        String error = null;
        try {
            records = work.run();
            status = RunStatus.SUCCEEDED;
        } catch (Exception e) {
            LOG.errorf(e, "Run %s (%s) failed", id, kind);
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        try {
            runs.finish(id, status, records, error);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not record the end of run %s (%s) as %s", id, kind, status.value());
        }
    }

    private String toJson(Map<String, ?> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run parameters are not serializable: " + parameters, e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
