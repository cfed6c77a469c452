package nl.doorbraak.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Milliseconds of each step of a case, from every driver thread, in the order the steps first ran. */
final class StepTimes {

    private final Map<String, List<Double>> times = Collections.synchronizedMap(new LinkedHashMap<>());

    void time(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        double millis = (System.nanoTime() - start) / 1e6;
        times.computeIfAbsent(step, name -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    List<String> steps() {
        synchronized (times) {
            return List.copyOf(times.keySet());
        }
    }

    double median(String step) {
        List<Double> measured = times.get(step);
        if (measured == null) {
            return Double.NaN;
        }
        synchronized (measured) {
            return BenchApplication.median(measured);
        }
    }

    void clear() {
        times.clear();
    }
}
