package com.memberdirectory.app.bench;

import java.util.Arrays;

/** Exact percentiles of a set of latencies (nanoseconds), by sorting. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    double percentileMillis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    String describe() {
        return String.format("p50 %7.2f ms   p99 %7.2f ms   max %8.2f ms",
                percentileMillis(50), percentileMillis(99), maxMillis());
    }
}
