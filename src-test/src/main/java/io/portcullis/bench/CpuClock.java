package io.portcullis.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time spent by the server process and by the load client (this JVM and the child processes
 * it waited for, such as wrk) over a measured run: on a machine where both share the cores, it
 * says how much of the machine the client took.
 */
final class CpuClock {

    record PerOperation(double serverMillis, double clientMillis) {
    }

    private final ProcessHandle server;
    private final long serverStart;
    private final long clientStart;

    private CpuClock(ProcessHandle server) {
        this.server = server;
        this.serverStart = serverNanos(server);
        this.clientStart = clientNanos();
    }

    static CpuClock start(long serverPid) {
        return new CpuClock(ProcessHandle.of(serverPid).orElseThrow(() -> new IllegalStateException("server process " + serverPid + " is gone")));
    }

    PerOperation perOperation(int operations) {
        double n = Math.max(1, operations);
        return new PerOperation((serverNanos(server) - serverStart) / 1e6 / n, (clientNanos() - clientStart) / 1e6 / n);
    }

    private static long serverNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("this platform does not report the server's CPU time"));
    }

    /** This JVM and the child processes it has waited for (a wrk load client). */
    private static long clientNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() + reapedChildrenNanos();
    }

    /** cutime + cstime of /proc/self/stat (Linux), in clock ticks of 10 ms; 0 elsewhere. */
    private static long reapedChildrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): cutime and cstime are fields 16 and 17.
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
