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
        long rate;
        try {
            rate = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            rate = 0;
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--rates: " + text + " is neither a positive number of events per second nor max");
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
