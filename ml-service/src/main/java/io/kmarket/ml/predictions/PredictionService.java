package io.kmarket.ml.predictions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.ml.market.store.PriceHistoryReader;
import io.kmarket.ml.predictions.store.ModelRepository;
import io.kmarket.ml.predictions.store.ModelRepository.StoredModel;
import io.kmarket.ml.predictions.store.PredictionRepository;
import io.kmarket.ml.predictions.store.PredictionRepository.Evaluation;
import io.kmarket.ml.predictions.store.PredictionRepository.Outcome;
import io.kmarket.ml.predictions.store.PredictionRepository.Prediction;
import io.kmarket.ml.predictions.store.SampleReader;

/**
 * Next-trading-day direction per stock: training with walk-forward validation, prediction with the newest
 * model trained on data up to the day, and evaluation against naive baselines once the outcomes are known.
 */
@ApplicationScoped
public class PredictionService {

    public static final String MODEL_NAME = "direction-logreg";
    public static final List<Integer> EVALUATION_WINDOWS = List.of(1, 20, 60, 250);
    static final String ALGORITHM = "logistic-regression (L2, Newton/IRLS)";
    static final double L2 = 1.0;
    static final int FOLDS = 4;
    private static final int EVALUATION_LOOKBACK_DAYS = 400;
    private static final Logger LOG = Logger.getLogger(PredictionService.class);

    private final SampleReader samples;
    private final PriceHistoryReader prices;
    private final ModelRepository models;
    private final PredictionRepository predictions;

    PredictionService(SampleReader samples, PriceHistoryReader prices, ModelRepository models,
            PredictionRepository predictions) {
        this.samples = samples;
        this.prices = prices;
        this.models = models;
        this.predictions = predictions;
    }

    /** The default training window: the year up to the latest stored trading day. */
    public LocalDate[] defaultWindow() {
        LocalDate latest = prices.latestTradeDate()
                .orElseThrow(() -> new IllegalStateException("no prices stored yet: nothing to train on"));
        return new LocalDate[] { latest.minusYears(1), latest };
    }

    /**
     * Fits a model on days {@code from..to} (labels need the next close, so the last usable day is the one
     * before {@code to}); validates it walk-forward first: the second half of the window's days is cut into
     * {@link #FOLDS} consecutive folds, each predicted by a model fitted only on the days before it.
     */
    public StoredModel train(LocalDate from, LocalDate to) {
        SampleSet all = samples.read(from, to);
        int[] labelled = labelledRows(all);
        if (labelled.length == 0) {
            throw new IllegalStateException("no day in " + from + ".." + to + " has complete indicators and a next close");
        }
        int[] days = Arrays.stream(labelled).map(all::epochDay).distinct().sorted().toArray();
        Scores model = new Scores();
        Scores alwaysUp = new Scores();
        Scores yesterday = new Scores();
        int start = days.length / 2;
        for (int fold = 0; fold < FOLDS && days.length >= 2 * FOLDS; fold++) {
            int foldStart = days[start + (days.length - start) * fold / FOLDS];
            int foldEnd = fold == FOLDS - 1 ? Integer.MAX_VALUE : days[start + (days.length - start) * (fold + 1) / FOLDS];
            LogisticRegression fitted = fit(all, Arrays.stream(labelled).filter(r -> all.epochDay(r) < foldStart).toArray());
            for (int row : labelled) {
                if (all.epochDay(row) >= foldStart && all.epochDay(row) < foldEnd) {
                    boolean up = all.nextUp(row) == 1;
                    model.add(fitted.probabilityUp(all.features(), row * Features.COUNT), up);
                    alwaysUp.add(1.0, up);
                    yesterday.add(all.upToday(row) ? 1.0 : 0.0, up);
                }
            }
        }
        LogisticRegression fitted = fit(all, labelled);
        ModelMetrics metrics = ModelMetrics.of(labelled.length, FOLDS, model, alwaysUp, yesterday);
        long id = models.save(MODEL_NAME, from + ".." + to, ALGORITHM, from, to, ModelParameters.of(L2, fitted), metrics);
        LOG.infof("Trained model %d on %s..%s (%d samples): %s", id, from, to, labelled.length, metrics.verdict());
        return models.find(id).orElseThrow();
    }

    /** Why {@code day} cannot be predicted yet, if it cannot: no model was trained on data up to it. */
    public Optional<String> unpredictable(LocalDate day) {
        return models.latestTrainedBy(MODEL_NAME, day).isPresent() ? Optional.empty()
                : Optional.of(noModel(day));
    }

    /** Predicts the next trading day of every stock with complete indicators on {@code day}; returns how many. */
    public int predict(LocalDate day) {
        StoredModel stored = models.latestTrainedBy(MODEL_NAME, day)
                .orElseThrow(() -> new IllegalStateException(noModel(day)));
        LogisticRegression model = stored.parameters().model();
        SampleSet today = samples.read(day, day);
        List<Prediction> made = new ArrayList<>(today.size());
        for (int row = 0; row < today.size(); row++) {
            made.add(new Prediction(today.code(row), model.probabilityUp(today.features(), row * Features.COUNT)));
        }
        return predictions.savePredictions(stored.id(), day, prices.nextTradingDay(day), made);
    }

    /**
     * Scores every model's predictions whose outcome is known by {@code day}, over the outcome days ending at
     * {@code day} (window 1 = that day alone, the daily aggregate) against always-up and yesterday's direction.
     */
    public int evaluate(LocalDate day) {
        Map<Long, List<Outcome>> byModel = new TreeMap<>();
        for (Outcome outcome : predictions.outcomes(day.minusDays(EVALUATION_LOOKBACK_DAYS), day)) {
            if (outcome.previousClose() != null) {
                byModel.computeIfAbsent(outcome.modelId(), id -> new ArrayList<>()).add(outcome);
            }
        }
        List<Evaluation> evaluations = new ArrayList<>();
        byModel.forEach((modelId, outcomes) -> {
            LocalDate[] outcomeDays = outcomes.stream().map(Outcome::outcomeDate).distinct()
                    .sorted((a, b) -> b.compareTo(a)).toArray(LocalDate[]::new);
            for (int window : EVALUATION_WINDOWS) {
                LocalDate earliest = window == 1 ? day : outcomeDays[Math.min(window, outcomeDays.length) - 1];
                List<Outcome> inWindow = outcomes.stream().filter(o -> !o.outcomeDate().isBefore(earliest)).toList();
                if (inWindow.isEmpty()) {
                    continue;
                }
                evaluations.add(score(modelId, day, window, "model", inWindow, Outcome::probabilityUp));
                evaluations.add(score(modelId, day, window, "always_up", inWindow, o -> 1.0));
                evaluations.add(score(modelId, day, window, "yesterday", inWindow,
                        o -> o.close() > o.previousClose() ? 1.0 : 0.0));
            }
        });
        predictions.saveEvaluations(evaluations);
        return evaluations.size();
    }

    private static Evaluation score(long modelId, LocalDate day, int window, String strategy, List<Outcome> outcomes,
            ToDoubleFunction<Outcome> probabilityUp) {
        Scores scores = new Scores();
        for (Outcome outcome : outcomes) {
            scores.add(probabilityUp.applyAsDouble(outcome), outcome.up());
        }
        return new Evaluation(modelId, day, window, strategy, StrategyScore.of(scores));
    }

    private static int[] labelledRows(SampleSet set) {
        int[] rows = new int[set.size()];
        int count = 0;
        for (int row = 0; row < set.size(); row++) {
            if (set.nextUp(row) != SampleSet.UNKNOWN) {
                rows[count++] = row;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    private static LogisticRegression fit(SampleSet set, int[] rows) {
        double[] x = new double[rows.length * Features.COUNT];
        boolean[] up = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(set.features(), rows[i] * Features.COUNT, x, i * Features.COUNT, Features.COUNT);
            up[i] = set.nextUp(rows[i]) == 1;
        }
        return LogisticRegression.fit(x, up, rows.length, Features.COUNT, L2);
    }

    private static String noModel(LocalDate day) {
        return "no " + MODEL_NAME + " model trained on data up to " + day + ": train one first";
    }
}
