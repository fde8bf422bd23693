package io.kmarket.ml.predictions;

import java.util.Arrays;

/**
 * L2-regularised logistic regression on standardised features, fitted by Newton's method (IRLS).
 * <p>
 * Hand-written rather than Tribuo: Tribuo's classifiers rely on reflection-driven provenance/configuration
 * (OLCUT) and protobuf serialisation that are not registered for GraalVM native images, and this service
 * must run as a native executable. With nine features, Newton's method is a 10x10 linear solve per iteration
 * and converges in a handful of passes over the data, deterministically (no learning rate to tune).
 */
public record LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) {

    private static final int MAX_ITERATIONS = 25;
    private static final double TOLERANCE = 1e-8;

    /** Fits on {@code rows} samples of {@code width} features each, stored row-major in {@code x}. */
    public static LogisticRegression fit(double[] x, boolean[] up, int rows, int width, double l2) {
        if (rows == 0) {
            throw new IllegalArgumentException("no training samples");
        }
        double[] mean = new double[width];
        double[] scale = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                mean[j] += x[r * width + j];
            }
        }
        for (int j = 0; j < width; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                double d = x[r * width + j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < width; j++) {
            scale[j] = Math.sqrt(scale[j] / rows);
            if (scale[j] == 0) {
                scale[j] = 1;
            }
        }
        int size = width + 1;
        double[] beta = new double[size];
        double[] z = new double[size];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double[][] hessian = new double[size][size];
            for (int r = 0; r < rows; r++) {
                standardise(x, r * width, width, mean, scale, z);
                double p = sigmoid(dot(beta, z));
                double residual = (up[r] ? 1 : 0) - p;
                double w = p * (1 - p);
                for (int a = 0; a < size; a++) {
                    gradient[a] += residual * z[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += w * z[a] * z[b];
                    }
                }
            }
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a < width) {
                    // The bias (last) is not penalised.
                    gradient[a] -= l2 * beta[a];
                    hessian[a][a] += l2;
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < size; a++) {
                beta[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new LogisticRegression(mean, scale, Arrays.copyOf(beta, width), beta[width]);
    }

    /** The probability that the next close is higher, for the features at {@code offset} of {@code x}. */
    public double probabilityUp(double[] x, int offset) {
        double sum = bias;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * (x[offset + j] - mean[j]) / scale[j];
        }
        return sigmoid(sum);
    }

    private static void standardise(double[] x, int offset, int width, double[] mean, double[] scale, double[] z) {
        for (int j = 0; j < width; j++) {
            z[j] = (x[offset + j] - mean[j]) / scale[j];
        }
        z[width] = 1;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    /** Gaussian elimination with partial pivoting; the Hessian is symmetric positive definite with the ridge. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * solution[k];
            }
            solution[row] = sum / a[row][row];
        }
        return solution;
    }
}
