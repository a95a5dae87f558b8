package io.rebound.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A constant-rate (open-loop) load generator: request i is due at start + i / rate whether or not earlier ones
 * have been answered, and its latency is counted from when it was due, not from when it could be sent. A target
 * that falls behind therefore shows its queueing in the latencies instead of slowing the generator down (no
 * coordinated omission).
 */
final class OpenLoop {

    /** Latencies are recorded in microseconds up to one hour. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private OpenLoop() {
    }

    /**
     * Offers {@code rate} requests a second for {@code seconds}. The step stops early when more than a second's
     * worth of requests is waiting for answers (plus twice the concurrency): its p99 is then far above any
     * threshold we test, and going on would only pile up work for the next step.
     *
     * @param call starts request number {@code seq}; completes with true when it was accepted (2xx, committed)
     */
    static Step run(String target, double rate, double seconds, int concurrency, LongFunction<CompletableFuture<Boolean>> call,
            Watch watch) throws InterruptedException {
        Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        long planned = Math.max(1, Math.round(rate * seconds));
        long abortAbove = Math.round(rate) + 2L * concurrency;
        double intervalNanos = 1e9 / rate;
        double[] loadBefore = Machine.loadAverage();
        Watch.Snapshot before = watch.snapshot();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;
        boolean aborted = false;
        while (sent < planned) {
            long due = start + (long) (sent * intervalNanos);
            long now = System.nanoTime();
            if (now < due) {
                // No spinning: on two cores a spinning generator would take CPU from the target. A late wake-up
                // sends the requests that fell due meanwhile at once, and their lateness counts as latency.
                LockSupport.parkNanos(due - now);
                continue;
            }
            if (outstanding.get() > abortAbove) {
                aborted = true;
                break;
            }
            outstanding.incrementAndGet();
            CompletableFuture<Boolean> answer;
            try {
                answer = call.apply(sent);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((accepted, failure) -> {
                long micros = (System.nanoTime() - due) / 1000;
                recorder.recordValue(Math.min(Math.max(micros, 1), HIGHEST_MICROS));
                if (failure == null && Boolean.TRUE.equals(accepted)) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
            sent++;
        }
        long sendingEnded = System.nanoTime();
        long drainUntil = sendingEnded + TimeUnit.SECONDS.toNanos(30);
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(5);
        }
        Watch.Snapshot after = watch.snapshot();
        Histogram latencies = recorder.getIntervalHistogram();
        double sendSeconds = (sendingEnded - start) / 1e9;
        return new Step(target, rate, Math.max(sendSeconds, 1e-3), planned, sent, ok.get(), failed.get(),
                outstanding.get(), aborted, latencies, loadBefore[0], Watch.cores(before, after));
    }

    /**
     * Keeps {@code inFlight} requests going for {@code seconds}, as fast as the target answers: enough requests to
     * get the JIT, pools and caches of a freshly started target (and of whatever consumes its events) warm before
     * any step is measured. Answers how many were sent.
     */
    static long warmUp(double seconds, int inFlight, LongFunction<CompletableFuture<Boolean>> call) throws InterruptedException {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(inFlight);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        long sent = 0;
        while (System.nanoTime() < until) {
            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            CompletableFuture<Boolean> answer;
            try {
                answer = call.apply(sent);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((ok, failure) -> slots.release());
            sent++;
        }
        slots.tryAcquire(inFlight, 30, TimeUnit.SECONDS);
        return sent;
    }

    /** One rate step of one target. Latencies in microseconds. */
    record Step(String target, double offeredRate, double seconds, long planned, long sent, long ok, long failed,
            long unanswered, boolean aborted, Histogram latencies, double loadAverage1m, Map<String, Double> cores) {

        static final long P99_LIMIT_MICROS = 100_000;

        /** The rate was sustained: everything sent, all accepted (at most 0.1% errors), p99 under 100 ms. */
        boolean passed() {
            return !aborted && sent == planned && unanswered == 0 && failed <= sent / 1000
                    && latencies.getValueAtPercentile(99) < P99_LIMIT_MICROS;
        }

        double acceptedPerSecond() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("offeredPerSecond", Math.round(offeredRate * 10) / 10.0);
            json.put("acceptedPerSecond", Math.round(acceptedPerSecond() * 10) / 10.0);
            json.put("seconds", Math.round(seconds * 100) / 100.0);
            json.put("sent", sent);
            json.put("accepted", ok);
            json.put("failed", failed);
            json.put("unanswered", unanswered);
            json.put("stoppedEarly", aborted);
            json.put("passed", passed());
            Map<String, Object> ms = new LinkedHashMap<>();
            for (double p : new double[] {50, 90, 99, 99.9}) {
                ms.put("p" + (p == Math.floor(p) ? Integer.toString((int) p) : Double.toString(p)), round(millis(p)));
            }
            ms.put("max", round(latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1000.0));
            json.put("latencyMs", ms);
            json.put("loadAverage1m", loadAverage1m);
            json.put("coresUsed", cores);
            return json;
        }

        private static Object round(double value) {
            return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
        }
    }
}
