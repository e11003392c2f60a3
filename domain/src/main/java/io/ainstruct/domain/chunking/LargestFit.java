package io.ainstruct.domain.chunking;

import java.util.function.IntPredicate;

/**
 * Finds how many pieces fit, with few measurements. Measuring is the chunker's cost (a tokenizer pass over the
 * candidate text), so adding one piece at a time and measuring each time is quadratic in the pieces per chunk:
 * 10 MB of one-character lines cost minutes. Galloping from a guess, then bisecting, needs O(log n) measurements.
 */
final class LargestFit {

    private LargestFit() {
    }

    /**
     * The largest {@code k} in {@code [0, n]} for which {@code fits.test(k)} holds, where {@code fits(0)} holds and
     * {@code fits} is monotone (once false, false for every larger k). The search starts at {@code guess}; the last
     * {@code k} it tests with a true answer is the one returned, so a predicate may remember what it measured there.
     */
    static int of(int n, int guess, IntPredicate fits) {
        if (n <= 0) {
            return 0;
        }
        int fitting = 0;
        int failing = n + 1;
        int probe = Math.max(1, Math.min(guess, n));
        if (fits.test(probe)) {
            fitting = probe;
            for (int step = 1; fitting < n; step *= 2) {
                int next = Math.min(n, fitting + step);
                if (!fits.test(next)) {
                    failing = next;
                    break;
                }
                fitting = next;
            }
        } else {
            failing = probe;
        }
        while (failing - fitting > 1) {
            int middle = (fitting + failing) >>> 1;
            if (fits.test(middle)) {
                fitting = middle;
            } else {
                failing = middle;
            }
        }
        return fitting;
    }
}
