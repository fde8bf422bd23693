-- A backfill that runs its dates again even where the job already succeeded: the recomputation of a job whose
-- result for a date rolls forward from its previous trading day (indicators), once an older date's data changed.
-- Additive: old readers ignore the column, old writers get the default (skip what succeeded, as before).
ALTER TABLE ops.job_backfills ADD COLUMN rerun boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN ops.job_backfills.rerun IS
    'true: every date is run again, even one that already succeeded (a recomputation after older data changed)';
