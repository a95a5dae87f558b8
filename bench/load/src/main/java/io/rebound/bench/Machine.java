package io.rebound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What this machine is and how busy it is, read from /proc (Linux only, as the bench is). */
final class Machine {

    /** Kernel clock ticks per second for /proc/[pid]/stat times; 100 on every Linux we run on. */
    static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", cpuModel());
        machine.put("memoryMb", memTotalKb() / 1024);
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    static long memTotalKb() {
        for (String line : lines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    /** The 1, 5 and 15 minute load averages. */
    static double[] loadAverage() {
        String[] parts = read(Path.of("/proc/loadavg")).trim().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /** Resident set size of a process in KiB (VmRSS), or -1 once it is gone. */
    static long rssKb(long pid) {
        for (String line : lines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** User plus system CPU time of a process so far, in clock ticks; 0 once it is gone. */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // The command name may hold spaces; the fields we want follow its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Busy and total ticks of the whole machine (all cores) so far, from /proc/stat. */
    static long[] machineTicks() {
        String[] parts = lines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < parts.length; i++) {
            total += Long.parseLong(parts[i]);
        }
        long idle = Long.parseLong(parts[4]) + Long.parseLong(parts[5]);
        return new long[] {total - idle, total};
    }

    /** Processes whose command line contains the text, with the children of each (PostgreSQL's backends). */
    static List<Long> processTree(String commandLineContains) {
        List<Long> roots = new java.util.ArrayList<>();
        Map<Long, Long> parents = new java.util.HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String cmdline = read(dir.resolve("cmdline")).replace('\0', ' ');
                String stat = read(dir.resolve("stat"));
                if (!stat.isEmpty()) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    parents.put(pid, Long.parseLong(fields[1]));
                }
                if (cmdline.contains(commandLineContains)) {
                    roots.add(pid);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        List<Long> tree = new java.util.ArrayList<>(roots);
        parents.forEach((pid, parent) -> {
            if (roots.contains(parent) && !tree.contains(pid)) {
                tree.add(pid);
            }
        });
        return tree;
    }

    static long selfPid() {
        return ProcessHandle.current().pid();
    }

    private static List<String> lines(Path file) {
        String text = read(file);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
