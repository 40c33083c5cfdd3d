package io.portcullis.ike.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IKEv1 handshakes per second and memory per established tunnel: the test initiator drives
 * Main Mode (RSA-2048 signatures, AES-128, SHA2-256, MODP-2048) + Quick Mode (ESP AES-128 /
 * HMAC-SHA2-256-128, UDP-encapsulated tunnel, with and without PFS in MODP-2048) against the
 * Portcullis responder and against strongSwan's charon, alternately, in one run, on the same
 * machine, with the same certificates. Tunnels stay up, so the memory each responder holds per
 * established IKE SA + IPsec SA pair is measured after the runs: the live Java heap after a full
 * GC for Portcullis, and the resident set (RSS) growth of both processes.
 *
 * <p>Usage (as root: network namespaces, UDP 500): {@code bin/bench-ike [--handshakes N]
 * [--concurrency C] [--warmup W] [--rounds R]}. JVM options of the Portcullis responder come
 * from {@code PORTCULLIS_BENCH_RESPONDER_OPTS} (e.g. a flight recording).
 */
public final class IkeBench {

    private IkeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int handshakes = positive(options, "handshakes");
        int concurrency = positive(options, "concurrency");
        int warmup = positive(options, "warmup");
        int rounds = positive(options, "rounds");
        String exponents = options.get("strongswan-dh-exponents");
        if (!exponents.equals("strength") && !exponents.equals("x9.42")) {
            throw new IllegalArgumentException("--strongswan-dh-exponents is strength or x9.42");
        }
        for (String tool : List.of("/usr/lib/ipsec/charon", "/usr/sbin/swanctl", "/usr/bin/unshare")) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " is missing: install strongswan-charon strongswan-swanctl"
                        + " libcharon-extra-plugins libstrongswan-extra-plugins (see bin/test)");
            }
        }
        Path work = Files.createTempDirectory("portcullis-bench-ike");
        List<String> responderOpts = new ArrayList<>(List.of("-Xmx1g"));
        String extra = System.getenv("PORTCULLIS_BENCH_RESPONDER_OPTS");
        if (extra != null && !extra.isBlank()) {
            responderOpts.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        try (BenchNetwork net = BenchNetwork.create()) {
            // A peer identity per handshake of the run: 2 responders x (warm-up + rounds x 2 modes x handshakes).
            BenchPki pki = BenchPki.generate(work.resolve("pki"), net.portcullisAddress,
                    2 * (warmup + rounds * 2 * handshakes));
            try (PortcullisResponderProcess portcullis = PortcullisResponderProcess.start(work.resolve("pki"), net.portcullis,
                    net.portcullisAddress, responderOpts, work.resolve("portcullis.log"));
                    StrongSwanResponder strongswan = StrongSwanResponder.start(work.resolve("charon"), work.resolve("pki"),
                            net.strongswan, net.strongswanAddress, exponents.equals("x9.42"));
                    HandshakeLoad toPortcullis = new HandshakeLoad(pki, InetAddress.getByName(net.portcullisAddress));
                    HandshakeLoad toStrongswan = new HandshakeLoad(pki, InetAddress.getByName(net.strongswanAddress))) {
                System.out.printf("strongSwan DH private exponents: %s; warm-up: %d handshakes (PFS) against each responder%n",
                        exponents.equals("x9.42") ? "as long as the prime (X9.42, strongSwan's default)"
                                : "sized to the group's strength, like Portcullis' (dh_exponent_ansi_x9_42 = no)", warmup);
                report("portcullis", "warm-up", toPortcullis.run(warmup, concurrency, true), strongswan);
                report("strongswan", "warm-up", toStrongswan.run(warmup, concurrency, true), strongswan);

                PortcullisResponderProcess.Heap heapBefore = portcullis.heap();
                long pcRssBefore = Shell.rss(portcullis.pid());
                long ssRssBefore = Shell.rss(strongswan.pid());
                int ssSasBefore = strongswan.ikeSas();

                Map<String, double[]> rates = new LinkedHashMap<>();
                int measured = 0;
                for (int round = 0; round < rounds; round++) {
                    for (boolean pfs : new boolean[] {true, false}) {
                        String mode = pfs ? "PFS" : "no PFS";
                        // Alternate who goes first, so neither always runs on a machine the other just heated.
                        boolean portcullisFirst = round % 2 == 0;
                        for (int i = 0; i < 2; i++) {
                            boolean isPortcullis = (i == 0) == portcullisFirst;
                            HandshakeLoad load = isPortcullis ? toPortcullis : toStrongswan;
                            long pid = isPortcullis ? portcullis.pid() : strongswan.pid();
                            long cpuBefore = Shell.cpuMillis(pid);
                            HandshakeLoad.Run run = load.run(handshakes, concurrency, pfs);
                            long cpu = Shell.cpuMillis(pid) - cpuBefore;
                            String who = isPortcullis ? "portcullis" : "strongswan";
                            report(who, mode + ", round " + (round + 1), run, strongswan);
                            System.out.printf(Locale.ROOT, "  %-10s responder CPU %.2f ms per handshake%n", "",
                                    (double) cpu / run.completed());
                            rates.computeIfAbsent(who + "|" + mode, k -> new double[3]);
                            rates.get(who + "|" + mode)[0] += run.completed();
                            rates.get(who + "|" + mode)[1] += run.seconds();
                            rates.get(who + "|" + mode)[2] += cpu / 1000.0;
                        }
                    }
                    measured += 2 * handshakes;
                }

                PortcullisResponderProcess.Heap heapAfter = portcullis.heap();
                long pcRssAfter = Shell.rss(portcullis.pid());
                long ssRssAfter = Shell.rss(strongswan.pid());
                int ssSasAfter = strongswan.ikeSas();
                int pcTunnels = heapAfter.ikeSas() - heapBefore.ikeSas();
                int ssTunnels = ssSasAfter - ssSasBefore;
                System.out.printf("IKE SAs held: Portcullis %d -> %d, strongSwan %d -> %d%n", heapBefore.ikeSas(),
                        heapAfter.ikeSas(), ssSasBefore, ssSasAfter);

                System.out.println();
                System.out.printf("Handshakes (Main Mode + Quick Mode) per second, %d per run, %d in flight, %d round(s):%n%n",
                        handshakes, concurrency, rounds);
                System.out.println("| Quick Mode | Portcullis | strongSwan | ratio Portcullis/strongSwan |");
                System.out.println("| --- | --- | --- | --- |");
                for (String mode : List.of("PFS", "no PFS")) {
                    double pc = rate(rates.get("portcullis|" + mode));
                    double ss = rate(rates.get("strongswan|" + mode));
                    System.out.printf(Locale.ROOT, "| %s (MODP-2048), wall clock | %.1f/s | %.1f/s | %.2f |%n",
                            mode.equals("PFS") ? "with PFS" : "without PFS", pc, ss, pc / ss);
                }
                // Per second of the responder's own CPU time: what the machine's other load does not skew.
                for (String mode : List.of("PFS", "no PFS")) {
                    double pc = perCpuSecond(rates.get("portcullis|" + mode));
                    double ss = perCpuSecond(rates.get("strongswan|" + mode));
                    System.out.printf(Locale.ROOT, "| %s (MODP-2048), per responder CPU second | %.1f | %.1f | %.2f |%n",
                            mode.equals("PFS") ? "with PFS" : "without PFS", pc, ss, pc / ss);
                }
                System.out.println();
                System.out.printf("Memory per established tunnel (IKE SA + one IPsec SA pair), over %d tunnels each (%d measured handshakes):%n%n",
                        Math.min(pcTunnels, ssTunnels), measured);
                System.out.println("| | Portcullis | strongSwan |");
                System.out.println("| --- | --- | --- |");
                System.out.printf(Locale.ROOT, "| live heap after full GC | %s (%d -> %d bytes, %d tunnels) | - |%n",
                        perTunnel(heapAfter.usedBytes() - heapBefore.usedBytes(), pcTunnels), heapBefore.usedBytes(),
                        heapAfter.usedBytes(), pcTunnels);
                System.out.printf(Locale.ROOT, "| RSS growth | %s (%d -> %d KiB) | %s (%d -> %d KiB, %d tunnels) |%n",
                        perTunnel(pcRssAfter - pcRssBefore, pcTunnels), pcRssBefore / 1024, pcRssAfter / 1024,
                        perTunnel(ssRssAfter - ssRssBefore, ssTunnels), ssRssBefore / 1024, ssRssAfter / 1024, ssTunnels);
                System.out.printf(Locale.ROOT, "| RSS total at the end | %d MiB | %d MiB |%n", pcRssAfter >> 20, ssRssAfter >> 20);
            } catch (RuntimeException | IOException e) {
                System.err.println("benchmark failed; work directory kept: " + work);
                throw e;
            }
        }
    }

    private static double rate(double[] completedSecondsCpu) {
        return completedSecondsCpu[0] / completedSecondsCpu[1];
    }

    private static double perCpuSecond(double[] completedSecondsCpu) {
        return completedSecondsCpu[0] / completedSecondsCpu[2];
    }

    private static String perTunnel(long bytes, int tunnels) {
        return tunnels <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0 / tunnels);
    }

    private static void report(String who, String what, HandshakeLoad.Run run, StrongSwanResponder strongswan)
            throws IOException {
        System.out.printf(Locale.ROOT, "  %-10s %-18s %5d ok %3d failed %4d retransmits %7.2f s  %7.1f handshakes/s%n",
                who, what, run.completed(), run.failed(), run.retransmits(), run.seconds(), run.perSecond());
        if (run.failed() > 0 && who.equals("strongswan")) {
            System.out.println("  charon.log tail:\n" + strongswan.logTail());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("handshakes", "1000", "concurrency", "16", "warmup", "1000",
                "rounds", "2", "strongswan-dh-exponents", "strength"));
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bin/bench-ike [--handshakes N] [--concurrency C] [--warmup W]"
                        + " [--rounds R] [--strongswan-dh-exponents strength|x9.42]; unknown or incomplete option " + args[i]);
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private static int positive(Map<String, String> options, String name) {
        int value;
        try {
            value = Integer.parseInt(options.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not " + options.get(name));
        }
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }
}
