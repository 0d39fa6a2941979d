package dev.staffing.loadbenchmark;

import java.util.Locale;

/**
 * The load a run offers: a fixed number of events per second, or as fast as the generator publishes
 * ({@code max}, {@link #perSecond()} 0).
 */
record OfferedRate(long perSecond) {

    static final OfferedRate MAX = new OfferedRate(0);

    static OfferedRate parse(String text) {
        if (text.toLowerCase(Locale.ROOT).equals("max")) {
            return MAX;
        }
        long rate = Long.parseLong(text.replace("_", ""));
        if (rate <= 0) {
            throw new IllegalArgumentException("rate " + text + " must be positive, or max");
        }
        return new OfferedRate(rate);
    }

    boolean isMax() {
        return perSecond == 0;
    }

    String label() {
        return isMax() ? "max" : Long.toString(perSecond);
    }
}
