package jp.govcloudops.detect;

/** Mean and population standard deviation of a series, the baseline of the statistical detections. */
public record Stats(int points, double mean, double stddev) {

    public static Stats of(double[] values, int count) {
        if (count == 0) {
            return new Stats(0, 0, 0);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return new Stats(count, mean, Math.sqrt(squares / count));
    }

    /** Whether {@code value} lies above mean + k·max(σ, floor). */
    public boolean above(double value, double k, double sigmaFloor) {
        return value > mean + k * Math.max(stddev, sigmaFloor);
    }

    public double zScore(double value) {
        if (stddev == 0) {
            return value > mean ? Double.POSITIVE_INFINITY : 0;
        }
        return (value - mean) / stddev;
    }
}
