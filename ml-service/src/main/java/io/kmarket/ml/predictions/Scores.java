package io.kmarket.ml.predictions;

/**
 * Accumulates how well one strategy called up/down: accuracy, precision and recall of "up", and the Brier
 * score of its probabilities (a strategy that only says yes or no has probability 1 or 0).
 */
public final class Scores {

    private int samples;
    private int truePositive;
    private int falsePositive;
    private int falseNegative;
    private int correct;
    private double squaredError;

    public void add(double probabilityUp, boolean actuallyUp) {
        boolean predictedUp = probabilityUp >= 0.5;
        samples++;
        if (predictedUp == actuallyUp) {
            correct++;
        }
        if (predictedUp && actuallyUp) {
            truePositive++;
        } else if (predictedUp) {
            falsePositive++;
        } else if (actuallyUp) {
            falseNegative++;
        }
        double error = probabilityUp - (actuallyUp ? 1 : 0);
        squaredError += error * error;
    }

    public int samples() {
        return samples;
    }

    public Double accuracy() {
        return samples == 0 ? null : (double) correct / samples;
    }

    /** Null when the strategy never said "up": precision is undefined, not zero. */
    public Double precisionUp() {
        return truePositive + falsePositive == 0 ? null : (double) truePositive / (truePositive + falsePositive);
    }

    public Double recallUp() {
        return truePositive + falseNegative == 0 ? null : (double) truePositive / (truePositive + falseNegative);
    }

    public Double brier() {
        return samples == 0 ? null : squaredError / samples;
    }
}
