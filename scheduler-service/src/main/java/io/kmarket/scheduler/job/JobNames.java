package io.kmarket.scheduler.job;

/**
 * The names of the jobs this service implements, in one place: the {@code @Identifier} of each action, the keys
 * of kmarket.jobs.job.&lt;name&gt;.* and the job_name of ops.job_runs. The catalogue refuses to start when a
 * configured job has no action or an action has no configuration (see JobCatalog).
 */
public final class JobNames {

    /** KRX listings (a snapshot of today). */
    public static final String LISTINGS = "listings";
    /** The day's KRX market: prices, indices, delistings. */
    public static final String DAILY_COLLECTION = "daily-collection";
    /** KRX's evidence of corporate actions: dividends, and the par value history of possible consolidations. */
    public static final String ACTION_EVIDENCE = "action-evidence";
    /** DART filings, from the watermark on. */
    public static final String DISCLOSURES = "disclosures";
    /** Intraday quotes of the watchlist. */
    public static final String QUOTES = "quotes";
    /** DART's corp codes (a snapshot). */
    public static final String CORP_CODES = "corp-codes";
    /** DART company records, new and stale ones. */
    public static final String COMPANIES = "companies";
    /** Corporate actions and adjustment factors, derived from the whole market's collected data. */
    public static final String CORPORATE_ACTIONS = "corporate-actions";
    /** ml-service: the day's indicators. */
    public static final String INDICATORS = "indicators";
    /** ml-service: the weekly model. */
    public static final String MODEL_TRAINING = "model-training";
    /** ml-service: the day's predictions. */
    public static final String PREDICTIONS = "predictions";
    /** ml-service: the predictions that came due, evaluated. */
    public static final String EVALUATION = "evaluation";
    /** Findings about the day's stored data (ops.data_quality_issues). */
    public static final String DATA_QUALITY = "data-quality";
    /** Deletes raw payloads past their retention. */
    public static final String RAW_PAYLOAD_EXPIRY = "raw-payload-expiry";
    /** KRX against Naver for every stock KRX priced. */
    public static final String SOURCE_CROSSCHECK = "source-crosscheck";
    /** Per-stock gaps found by data-quality, repaired from KRX's per-stock history. */
    public static final String PRICE_GAP_REPAIR = "price-gap-repair";

    private JobNames() {
    }
}
