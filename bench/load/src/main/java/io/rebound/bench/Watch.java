package io.rebound.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The processes under test, by name: how much CPU each used over a stretch of time (in cores) and the highest
 * resident memory each reached while the run was under load.
 */
final class Watch {

    private final Map<String, Supplier<List<Long>>> groups = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private volatile boolean sampling;
    private Thread sampler;

    void add(String name, Supplier<List<Long>> pids) {
        groups.put(name, pids);
    }

    void remove(String name) {
        groups.remove(name);
    }

    /** CPU ticks of every group, the machine's busy ticks and the wall clock, at one moment. */
    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        groups.forEach((name, pids) -> ticks.put(name, pids.get().stream().mapToLong(Machine::cpuTicks).sum()));
        ticks.put("bench driver", Machine.cpuTicks(Machine.selfPid()));
        long[] machine = Machine.machineTicks();
        return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1]);
    }

    /** Cores each group used between two snapshots, plus the whole machine's busy cores ("machine"). */
    static Map<String, Double> cores(Snapshot from, Snapshot to) {
        double seconds = (to.nanos - from.nanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        to.ticks.forEach((name, ticks) -> {
            Long before = from.ticks.get(name);
            if (before != null && seconds > 0) {
                cores.put(name, round2(Math.max(0, ticks - before) / Machine.TICKS_PER_SECOND / seconds));
            }
        });
        double share = (double) (to.machineBusy - from.machineBusy) / Math.max(1, to.machineTotal - from.machineTotal);
        cores.put("machine (all processes)", round2(share * Runtime.getRuntime().availableProcessors()));
        return cores;
    }

    /** Starts recording each group's highest RSS, every 500 ms, until {@link #stopSampling()}. */
    synchronized void startSampling() {
        if (sampling) {
            return;
        }
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                groups.forEach((name, pids) -> {
                    long rss = pids.get().stream().mapToLong(Machine::rssKb).filter(v -> v > 0).sum();
                    if (rss > 0) {
                        peakRssKb.merge(name, rss, Math::max);
                    }
                });
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    synchronized void stopSampling() {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
        }
    }

    Map<String, Long> peakRssKb() {
        return Map.copyOf(peakRssKb);
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    record Snapshot(long nanos, Map<String, Long> ticks, long machineBusy, long machineTotal) {
    }
}
