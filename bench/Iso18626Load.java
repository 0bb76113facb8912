import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Load generator for the ISO 18626 endpoint, as a partner's system (the external library ZZ-EXT, borrowing from
 * ZZ-NUL) would load it: each client is one connection that posts one message, waits for its confirmation and posts
 * the next. The mix is new requests and the borrower's messages on the requests it made (Notification, StatusRequest,
 * Cancel): everything a partner can do to a lender's record by messages alone. A client only sends messages about its
 * own requests, one at a time, as a partner's system does for one transaction. Every answer must be HTTP 200 with
 * {@code messageStatus} OK; anything else is counted as an error, never as throughput.
 *
 * <p>Run with the JDK's source launcher, no dependencies:
 * {@code java bench/Iso18626Load.java --clients 8 --warmup 20 --seconds 60}. The last line it prints is
 * {@code RESULT key=value ...} for scripts. With {@code --cpu WildFly=<pid>,PostgreSQL=<pid>} it also prints the CPU time those
 * processes (with their descendants) and the load generator itself used in the measured time, read from /proc.
 */
public class Iso18626Load {

    /** The kinds of message in the mix, as a partner system sends them. */
    enum Kind {
        REQUEST("request"), NOTIFICATION("notification"), STATUS_REQUEST("status"), CANCEL("cancel");

        final String option;

        Kind(String option) {
            this.option = option;
        }
    }

    /** Books a borrower might ask the lender for: two the lender holds, one it does not. */
    static final String[][] BOOKS = {
        {"Introduction to Algorithms", "Cormen, Thomas H.", "9780262033848"},
        {"Dream of the Red Chamber", "Cao, Xueqin", "9787020002207"},
        {"The Art of Computer Programming", "Knuth, Donald E.", "9780201896831"}};

    static final String REQUESTER = "ZZ-EXT";
    static final String ACCOUNT_ID = "zz-ext";
    static final String SECURITY_CODE = "zz-ext-secret";

    /** The requests a client keeps talking about: the most recent ones, like a borrower's open requests. */
    static final int OPEN_REQUESTS_PER_CLIENT = 200;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI endpoint = URI.create(options.getOrDefault("url", "http://localhost:8080/ill/iso18626"));
        String supplier = options.getOrDefault("supplier", "ZZ-NUL");
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        EnumMap<Kind, Integer> mix = mix(options.getOrDefault("mix", "request=40,notification=25,status=25,cancel=10"));
        String run = options.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));
        Map<String, Long> watched = watched(options.getOrDefault("cpu", ""));
        int clockTicks = Integer.parseInt(options.getOrDefault("clk-tck", "100"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measuredFrom = start + Duration.ofSeconds(warmup).toNanos();
        long measuredUntil = measuredFrom + Duration.ofSeconds(seconds).toNanos();
        System.out.printf("ISO 18626 load: %s, %d clients, %s -> %s, warm-up %d s, measured %d s, mix %s (run %s)%n",
                endpoint, clients, REQUESTER, supplier, warmup, seconds, mix, run);

        List<Client> all = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            Client client = new Client(http, endpoint, supplier, run + "-" + i, mix, new Random(18626L * (i + 1)),
                    measuredFrom, measuredUntil, seconds);
            all.add(client);
            Thread thread = new Thread(() -> {
                try {
                    client.run();
                } finally {
                    done.countDown();
                }
            }, "client-" + i);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measuredFrom - System.nanoTime()) / 1_000_000));
        Map<String, Double> cpuBefore = cpuSeconds(watched, clockTicks);
        long wallBefore = System.nanoTime();
        done.await();
        Map<String, Double> cpuAfter = cpuSeconds(watched, clockTicks);
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        report(all, clients, seconds);
        if (!watched.isEmpty()) {
            List<String> used = new ArrayList<>();
            double ours = 0;
            for (Map.Entry<String, Double> after : cpuAfter.entrySet()) {
                if (!after.getKey().equals(MACHINE)) {
                    double spent = after.getValue() - cpuBefore.get(after.getKey());
                    ours += spent;
                    used.add(String.format("%s %.1f s", after.getKey(), spent));
                }
            }
            // what else ran on the machine meanwhile (builds, tests) took CPU from the figure
            used.add(String.format("other processes %.1f s",
                    Math.max(0, cpuAfter.get(MACHINE) - cpuBefore.get(MACHINE) - ours)));
            System.out.printf("CPU used in the measured %.0f s (%d cores: %.0f s available): %s%n", wall,
                    Runtime.getRuntime().availableProcessors(), wall * Runtime.getRuntime().availableProcessors(),
                    String.join(", ", used));
        }
    }

    /**
     * CPU time, in seconds, of each watched process with all its descendants (and the children they have already
     * waited for), from /proc; the load generator's own time is "load generator".
     */
    static Map<String, Double> cpuSeconds(Map<String, Long> watched, int clockTicks) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        watched.forEach((name, pid) -> {
            long ticks = ProcessHandle.of(pid).stream()
                    .flatMap(root -> java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()))
                    .mapToLong(process -> ticks(process.pid())).sum();
            seconds.put(name, ticks / (double) clockTicks);
        });
        if (!watched.isEmpty()) {
            seconds.put(MACHINE, machineBusyTicks() / (double) clockTicks);
            seconds.put("load generator", ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        }
        return seconds;
    }

    private static final String MACHINE = "machine";

    /** The time all CPUs of the machine were busy (not idle, not waiting for I/O), in clock ticks, from /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                    .split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** utime + stime + cutime + cstime of one process, in clock ticks; 0 if it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd on
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (java.io.IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static Map<String, Long> watched(String text) {
        Map<String, Long> watched = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                String[] pair = part.split("=");
                watched.put(pair[0].strip(), Long.parseLong(pair[1].strip()));
            }
        }
        return watched;
    }

    private static void report(List<Client> clients, int clientCount, int seconds) {
        Map<Kind, long[]> latencies = new EnumMap<>(Kind.class);
        Map<Kind, Integer> errors = new EnumMap<>(Kind.class);
        long[] perSecond = new long[seconds];
        for (Kind kind : Kind.values()) {
            List<long[]> parts = new ArrayList<>();
            int size = 0;
            for (Client client : clients) {
                long[] part = Arrays.copyOf(client.latencies.get(kind).values, client.latencies.get(kind).size);
                parts.add(part);
                size += part.length;
            }
            long[] merged = new long[size];
            int at = 0;
            for (long[] part : parts) {
                System.arraycopy(part, 0, merged, at, part.length);
                at += part.length;
            }
            Arrays.sort(merged);
            latencies.put(kind, merged);
            errors.put(kind, clients.stream().mapToInt(c -> c.errors.get(kind)).sum());
        }
        for (Client client : clients) {
            for (int s = 0; s < seconds; s++) {
                perSecond[s] += client.perSecond[s];
            }
        }
        long[] allLatencies = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int totalErrors = errors.values().stream().mapToInt(Integer::intValue).sum();

        System.out.println();
        System.out.println("| message | OK | errors | share | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Kind kind : Kind.values()) {
            long[] l = latencies.get(kind);
            System.out.printf("| %s | %d | %d | %.0f %% | %s | %s | %s |%n", kind.option, l.length, errors.get(kind),
                    allLatencies.length == 0 ? 0.0 : 100.0 * l.length / allLatencies.length,
                    ms(percentile(l, 50)), ms(percentile(l, 99)), ms(l.length == 0 ? -1 : l[l.length - 1]));
        }
        System.out.printf("| all | %d | %d | 100 %% | %s | %s | %s |%n", allLatencies.length, totalErrors,
                ms(percentile(allLatencies, 50)), ms(percentile(allLatencies, 99)),
                ms(allLatencies.length == 0 ? -1 : allLatencies[allLatencies.length - 1]));

        // sustained: the rate in each 10-second slice of the measured time, not only the average
        List<String> slices = new ArrayList<>();
        double slowest = Double.MAX_VALUE;
        for (int from = 0; from + 10 <= seconds; from += 10) {
            long sum = 0;
            for (int s = from; s < from + 10; s++) {
                sum += perSecond[s];
            }
            slowest = Math.min(slowest, sum / 10.0);
            slices.add(String.format("%.0f", sum / 10.0));
        }
        if (slices.isEmpty()) {
            slowest = allLatencies.length / (double) seconds;
        }
        System.out.println("messages/s in each 10 s of the measured time: " + String.join(" ", slices));
        List<String> samples = new ArrayList<>();
        clients.forEach(c -> samples.addAll(c.errorSamples));
        samples.stream().limit(5).forEach(sample -> System.out.println("error: " + sample));

        double rate = allLatencies.length / (double) seconds;
        System.out.printf("RESULT clients=%d seconds=%d messages=%d errors=%d rate=%.1f slowest10s=%.1f p50=%s p99=%s%n",
                clientCount, seconds, allLatencies.length, totalErrors, rate, slowest,
                ms(percentile(allLatencies, 50)), ms(percentile(allLatencies, 99)));
    }

    /** One partner connection: posts a message, waits for the confirmation, posts the next. */
    static final class Client implements Runnable {
        private final HttpClient http;
        private final URI endpoint;
        private final String supplier;
        private final String prefix;
        private final Kind[] wheel;
        private final Random random;
        private final long measuredFrom;
        private final long measuredUntil;
        private final List<String> open = new ArrayList<>();
        private final Map<Kind, Samples> latencies = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> errors = new EnumMap<>(Kind.class);
        private final long[] perSecond;
        private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        private int sequence;

        Client(HttpClient http, URI endpoint, String supplier, String prefix, EnumMap<Kind, Integer> mix, Random random,
               long measuredFrom, long measuredUntil, int seconds) {
            this.http = http;
            this.endpoint = endpoint;
            this.supplier = supplier;
            this.prefix = prefix;
            this.random = random;
            this.measuredFrom = measuredFrom;
            this.measuredUntil = measuredUntil;
            this.perSecond = new long[seconds];
            List<Kind> kinds = new ArrayList<>();
            mix.forEach((kind, weight) -> {
                for (int i = 0; i < weight; i++) {
                    kinds.add(kind);
                }
            });
            this.wheel = kinds.toArray(Kind[]::new);
            for (Kind kind : Kind.values()) {
                latencies.put(kind, new Samples());
                errors.put(kind, 0);
            }
        }

        @Override
        public void run() {
            while (System.nanoTime() < measuredUntil) {
                Kind kind = open.isEmpty() ? Kind.REQUEST : wheel[random.nextInt(wheel.length)];
                String requestId;
                String xml;
                if (kind == Kind.REQUEST) {
                    requestId = "EXT-" + prefix + "-" + (++sequence);
                    xml = request(supplier, requestId, BOOKS[random.nextInt(BOOKS.length)]);
                } else {
                    int which = random.nextInt(open.size());
                    requestId = open.get(which);
                    if (kind == Kind.CANCEL) {
                        open.remove(which); // nothing more is said about a cancelled request
                    }
                    String action = switch (kind) {
                        case NOTIFICATION -> "Notification";
                        case STATUS_REQUEST -> "StatusRequest";
                        default -> "Cancel";
                    };
                    String note = switch (kind) {
                        case NOTIFICATION -> "Our reader asks whether the loan can start next week (" + (++sequence) + ")";
                        case CANCEL -> "The reader no longer needs it";
                        default -> null;
                    };
                    xml = requestingAgencyMessage(supplier, requestId, action, note);
                }
                long sent = System.nanoTime();
                String problem = send(xml);
                long answered = System.nanoTime();
                if (problem == null && kind == Kind.REQUEST) {
                    open.add(requestId);
                    if (open.size() > OPEN_REQUESTS_PER_CLIENT) {
                        open.remove(0);
                    }
                }
                if (sent < measuredFrom || answered >= measuredUntil) {
                    continue; // warm-up, or finished after the measured time
                }
                if (problem == null) {
                    latencies.get(kind).add(answered - sent);
                    perSecond[(int) ((answered - measuredFrom) / 1_000_000_000L)]++;
                } else {
                    errors.merge(kind, 1, Integer::sum);
                    if (errorSamples.size() < 5) {
                        errorSamples.add(kind.option + " " + requestId + ": " + problem);
                    }
                }
            }
        }

        /** Posts one message; null when it was confirmed OK, otherwise what went wrong. */
        private String send(String xml) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return "HTTP " + response.statusCode() + " " + oneLine(response.body());
                }
                if (!response.body().contains("messageStatus>OK<")) {
                    return oneLine(response.body());
                }
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (Exception failed) {
                return failed.toString();
            }
        }
    }

    /** Latencies in nanoseconds, in a growing array (a list of boxed longs would weigh on the machine measured). */
    static final class Samples {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    static String request(String supplier, String requestId, String[] book) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ISO18626Message xmlns="http://illtransactions.org/2013/iso18626" \
                xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="2021-2">
                  <request>
                    <header>
                      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>%s</agencyIdValue></supplyingAgencyId>
                      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>%s</agencyIdValue></requestingAgencyId>
                      <timestamp>%s</timestamp>
                      <requestingAgencyRequestId>%s</requestingAgencyRequestId>
                      <requestingAgencyAuthentication><accountId>%s</accountId><securityCode>%s</securityCode></requestingAgencyAuthentication>
                    </header>
                    <bibliographicInfo>
                      <title>%s</title>
                      <author>%s</author>
                      <bibliographicItemId>
                        <bibliographicItemIdentifierCode>ISBN</bibliographicItemIdentifierCode>
                        <bibliographicItemIdentifier>%s</bibliographicItemIdentifier>
                      </bibliographicItemId>
                    </bibliographicInfo>
                    <serviceInfo>
                      <requestType>New</requestType>
                      <serviceType>Loan</serviceType>
                    </serviceInfo>
                  </request>
                </ISO18626Message>
                """.formatted(supplier, REQUESTER, Instant.now(), requestId, ACCOUNT_ID, SECURITY_CODE,
                book[0], book[1], book[2]);
    }

    static String requestingAgencyMessage(String supplier, String requestId, String action, String note) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ISO18626Message xmlns="http://illtransactions.org/2013/iso18626" \
                xmlns:ill="http://illtransactions.org/2013/iso18626" ill:version="2021-2">
                  <requestingAgencyMessage>
                    <header>
                      <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>%s</agencyIdValue></supplyingAgencyId>
                      <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>%s</agencyIdValue></requestingAgencyId>
                      <timestamp>%s</timestamp>
                      <requestingAgencyRequestId>%s</requestingAgencyRequestId>
                      <requestingAgencyAuthentication><accountId>%s</accountId><securityCode>%s</securityCode></requestingAgencyAuthentication>
                    </header>
                    <action>%s</action>%s
                  </requestingAgencyMessage>
                </ISO18626Message>
                """.formatted(supplier, REQUESTER, Instant.now(), requestId, ACCOUNT_ID, SECURITY_CODE, action,
                note == null ? "" : "\n    <note>" + note + "</note>");
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%.1f", nanos / 1_000_000.0);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 400 ? line.substring(0, 400) + " ..." : line;
    }

    private static EnumMap<Kind, Integer> mix(String text) {
        EnumMap<Kind, Integer> mix = new EnumMap<>(Kind.class);
        for (String part : text.split(",")) {
            String[] pair = part.split("=");
            Kind kind = Arrays.stream(Kind.values()).filter(k -> k.option.equals(pair[0].strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown kind of message in --mix: " + pair[0]
                            + " (request, notification, status, cancel)"));
            mix.put(kind, Integer.parseInt(pair[1].strip()));
        }
        return mix;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Options come as --name value: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
