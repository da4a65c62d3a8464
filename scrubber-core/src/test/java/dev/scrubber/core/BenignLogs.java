package dev.scrubber.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic log lines that hold no secret but plenty of look-alikes: UUIDs, trace and span ids, git SHAs, sha256
 * digests, {@code traceparent}, base64 {@code data:} URIs, class names, paths, timestamps, words containing
 * {@code sk-}, JSON, stack traces, access logs, SQL. Shared by the false-positive tests and the benchmarks.
 */
public final class BenignLogs {
    private static final String[] LEVELS = {"INFO", "DEBUG", "WARN", "ERROR", "TRACE"};
    private static final String[] LOGGERS = {"com.example.orders.OrderService", "c.e.payments.StripeWebhookHandler",
        "org.springframework.web.servlet.DispatcherServlet", "io.netty.channel.nio.NioEventLoop",
        "dev.acme.llm.ChatCompletionClient", "com.zaxxer.hikari.pool.HikariPool", "o.a.kafka.clients.NetworkClient"};
    private static final String[] WORDS = {"task-runner", "risk-score", "disk-usage", "ask-llm", "desk-booking",
        "mask-applied", "token count", "prompt tokens", "api key rotation scheduled", "password reset email sent",
        "secret manager reachable", "authorization granted", "max_tokens", "temperature", "embedding", "retrieval",
        "vector store", "batch", "completed", "retrying", "cache hit", "cache miss"};

    private final Random random;

    public BenignLogs(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} distinct lines. */
    public List<String> lines(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(line());
        }
        return out;
    }

    /** One line of a random kind. */
    public String line() {
        return switch (random.nextInt(12)) {
            case 0 -> prefix() + "Processed order " + uuid() + " for customer " + random.nextInt(100000)
                    + " in " + random.nextInt(900) + " ms";
            case 1 -> prefix() + "traceparent: 00-" + hex(32) + "-" + hex(16) + "-01 span_id=" + hex(16)
                    + " trace_id=" + hex(32);
            case 2 -> prefix() + "Deployed commit " + hex(40) + " image sha256:" + hex(64) + " to "
                    + pick("eu-west-1", "us-east-1", "ap-southeast-2");
            case 3 -> "{\"@timestamp\":\"" + timestamp() + "\",\"level\":\"" + pick(LEVELS) + "\",\"logger\":\""
                    + pick(LOGGERS) + "\",\"message\":\"" + pick(WORDS) + " " + random.nextInt(1000)
                    + "\",\"requestId\":\"" + uuid() + "\",\"x-amzn-RequestId\":\"" + uuid() + "\"}";
            case 4 -> prefix() + "Request failed\njava.lang.IllegalStateException: " + pick(WORDS) + " for "
                    + uuid() + "\n\tat " + pick(LOGGERS) + ".handle(Handler.java:" + random.nextInt(400)
                    + ")\n\tat java.base/java.lang.Thread.run(Thread.java:840)";
            case 5 -> "10.0." + random.nextInt(255) + "." + random.nextInt(255) + " - - [" + timestamp()
                    + "] \"GET /api/v1/items/" + random.nextInt(99999) + "?page=" + random.nextInt(9)
                    + "&sort=desc HTTP/1.1\" 200 " + random.nextInt(99999) + " \"-\" \"Mozilla/5.0\"";
            case 6 -> prefix() + "Loaded avatar data:image/png;base64,iVBORw0KGgo" + base64ish(60) + " ("
                    + random.nextInt(9000) + " bytes)";
            case 7 -> prefix() + "SELECT id, status FROM orders WHERE customer_id = " + random.nextInt(9999)
                    + " AND created_at > '" + timestamp() + "' LIMIT 100";
            case 8 -> prefix() + "Reading /var/lib/app/data/" + word() + "/" + uuid() + ".json, wrote /tmp/"
                    + word() + "-" + random.nextInt(999) + ".log";
            case 9 -> prefix() + "chat.completion id=chatcmpl-" + alnum(24) + " model=gpt-4o prompt_tokens="
                    + random.nextInt(4000) + " completion_tokens=" + random.nextInt(800) + " req_" + alnum(24);
            case 10 -> prefix() + pick(WORDS) + ": " + pick(WORDS) + " (" + random.nextInt(100) + "%), X-B3-TraceId="
                    + hex(16) + ", Root=1-" + hex(8) + "-" + hex(24);
            default -> prefix() + "Connecting to jdbc:postgresql://db." + word() + ".internal:5432/app as app_user"
                    + ", https://" + word() + ".example.com/v1/" + word() + "?limit=" + random.nextInt(50);
        };
    }

    /**
     * {@code count} lines shaped like the public LogHub system logs (Android, macOS, OpenSSH, Spark, HDFS, Windows
     * CBS): generated look-alikes, not copies, with their ids, hashes, fingerprints and paths. Kept apart from
     * {@link #lines(int)} so that the benchmark corpus does not change.
     */
    public List<String> systemLines(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(switch (i % 6) {
                case 0 -> androidLine();
                case 1 -> macLine();
                case 2 -> sshLine();
                case 3 -> sparkLine();
                case 4 -> hdfsLine();
                default -> windowsLine();
            });
        }
        return out;
    }

    private String androidLine() {
        String head = String.format(Locale.ROOT, "%02d-%02d %02d:%02d:%02d.%03d  %4d  %4d %s ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000),
                1000 + random.nextInt(9000), 1000 + random.nextInt(9000), pick("D", "I", "V", "W", "E"));
        return head + switch (random.nextInt(5)) {
            case 0 -> "WindowManager: printFreezingDisplayLogsopening app wtoken = AppWindowToken{" + hex(7)
                    + " token=Token{" + hex(7) + " ActivityRecord{" + hex(7) + " u0 com.example." + word()
                    + "/.activity.MainActivity t" + random.nextInt(999) + "}}}, allDrawn= false";
            case 1 -> "PowerManagerService: acquire lock=" + random.nextInt(999999999) + ", flags=0x1, tag=\"RILJ_ACK_WL\""
                    + ", name=com.android.phone, ws=null, uid=1001, pid=" + random.nextInt(9999);
            case 2 -> "ActivityManager: Start proc " + random.nextInt(99999) + ":com.example." + word() + "/u0a"
                    + random.nextInt(300) + " for service com.example." + word() + "/.sync.SyncService";
            case 3 -> "PackageManager: Package com.example." + word() + " codePath changed from /data/app/com.example."
                    + word() + "-" + base64url(22) + "==/base.apk";
            default -> "chatty  : uid=10" + random.nextInt(999) + "(com.example." + word() + ") expire "
                    + random.nextInt(40) + " lines";
        };
    }

    private String macLine() {
        String head = pick("Jul", "Aug", "Sep") + String.format(Locale.ROOT, " %2d %02d:%02d:%02d ", 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60)) + "calvisitor-10-105-" + random.nextInt(255)
                + "-" + random.nextInt(255) + " ";
        return head + switch (random.nextInt(5)) {
            case 0 -> "kernel[0]: IOThunderboltSwitch<0>(0x0)::listenerCallback - Thunderbolt HPD packet for route = 0x0"
                    + " port = " + random.nextInt(12) + " unplug = 0";
            case 1 -> "com.apple.CDScheduler[" + random.nextInt(999) + "]: Thermal pressure state: 1 Memory pressure "
                    + "state: 0";
            case 2 -> "kernel[0]: AirPort: Link Down on awdl0. Reason 1 (Unspecified).";
            case 3 -> "CrashReporter[" + random.nextInt(9999) + "]: Saved crash report for " + word() + "["
                    + random.nextInt(9999) + "] version 1.2 to " + word() + "_2017-07-0" + random.nextInt(9)
                    + "-" + random.nextInt(999999) + "_" + "calvisitor.crash, UUID " + uuid().toUpperCase(Locale.ROOT);
            default -> "symptomsd[" + random.nextInt(999) + "]: __73-[NetworkAnalyticsEngine observeValueForKeyPath:"
                    + "ofObject:change:context:]_block_invoke unexpected switch value 2";
        };
    }

    private String sshLine() {
        String ip = (1 + random.nextInt(222)) + "." + random.nextInt(255) + "." + random.nextInt(255) + "."
                + random.nextInt(255);
        String head = "Dec " + (1 + random.nextInt(28)) + String.format(Locale.ROOT, " %02d:%02d:%02d", random.nextInt(24),
                random.nextInt(60), random.nextInt(60)) + " LabSZ sshd[" + (10000 + random.nextInt(20000)) + "]: ";
        return head + switch (random.nextInt(6)) {
            case 0 -> "Failed password for invalid user " + pick("admin", "webmaster", "test", "oracle") + " from " + ip
                    + " port " + random.nextInt(65535) + " ssh2";
            case 1 -> "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=" + ip
                    + "  user=root";
            case 2 -> "Accepted publickey for " + pick("deploy", "git", "root") + " from " + ip + " port "
                    + random.nextInt(65535) + " ssh2: " + pick("RSA", "ED25519", "ECDSA") + " SHA256:" + base64(43);
            case 3 -> "reverse mapping checking getaddrinfo for ns." + word() + ".example.com [" + ip
                    + "] failed - POSSIBLE BREAK-IN ATTEMPT!";
            case 4 -> "Received disconnect from " + ip + ": 11: Bye Bye [preauth]";
            default -> "Server listening on 0.0.0.0 port 22; host key fingerprint SHA256:" + base64(43);
        };
    }

    private String sparkLine() {
        String app = "1485248649" + random.nextInt(1000) + "_" + String.format(Locale.ROOT, "%04d", random.nextInt(10000));
        String head = String.format(Locale.ROOT, "17/06/%02d %02d:%02d:%02d INFO ", 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return head + switch (random.nextInt(5)) {
            case 0 -> "executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]";
            case 1 -> "spark.SecurityManager: SecurityManager: authentication disabled; ui acls disabled; users with "
                    + "view permissions: Set(yarn, curi); users with modify permissions: Set(yarn, curi)";
            case 2 -> "executor.Executor: Finished task " + random.nextInt(40) + ".0 in stage " + random.nextInt(9)
                    + ".0 (TID " + random.nextInt(999) + "). " + random.nextInt(9999) + " bytes result sent to driver";
            case 3 -> "storage.MemoryStore: Block broadcast_" + random.nextInt(99) + "_piece0 stored as bytes in memory"
                    + " (estimated size " + random.nextInt(99) + ".0 KB, free 1" + random.nextInt(9) + ".1 GB)";
            default -> "yarn.ApplicationMaster: Registered container container_" + app + "_01_00000"
                    + random.nextInt(9) + " of application_" + app + " on host mesos-slave-" + random.nextInt(30);
        };
    }

    private String hdfsLine() {
        long block = random.nextLong();
        String ip = "10.250." + random.nextInt(255) + "." + random.nextInt(255);
        String head = String.format(Locale.ROOT, "0811%02d %02d%02d%02d %d INFO ", 9 + random.nextInt(3),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(999));
        return head + switch (random.nextInt(4)) {
            case 0 -> "dfs.DataNode$PacketResponder: PacketResponder " + random.nextInt(3) + " for block blk_" + block
                    + " terminating";
            case 1 -> "dfs.FSNamesystem: BLOCK* NameSystem.allocateBlock: /mnt/hadoop/mapred/system/job_200811092030_00"
                    + random.nextInt(99) + "/job.jar. blk_" + block;
            case 2 -> "dfs.DataNode$DataXceiver: Receiving block blk_" + block + " src: /" + ip + ":" + random.nextInt(65535)
                    + " dest: /" + ip + ":50010";
            default -> "dfs.FSNamesystem: BLOCK* NameSystem.addStoredBlock: blockMap updated: " + ip
                    + ":50010 is added to blk_" + block + " size " + random.nextInt(99999999);
        };
    }

    private String windowsLine() {
        String head = String.format(Locale.ROOT, "2016-09-%02d %02d:%02d:%02d, ", 1 + random.nextInt(28), random.nextInt(24),
                random.nextInt(60), random.nextInt(60));
        return head + switch (random.nextInt(5)) {
            case 0 -> "Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\"
                    + "amd64_microsoft-windows-servicingstack_31bf3856ad364e35_6.1.7601.23505_none_" + hex(16)
                    + "\\cbscore.dll";
            case 1 -> "Info                  CSI    00000001@2016/9/27:20:30:31.455 WcpInitialize (wcp.dll version 0.0.0.6)"
                    + " called (stack @0x7fed" + hex(7) + " @0x7fef" + hex(7) + ")";
            case 2 -> "Info                  CBS    Session: 30546173_" + random.nextInt(999999999)
                    + " initialized by client WindowsUpdateAgent.";
            case 3 -> "Warning               CBS    Failed to get next element [HRESULT = 0x800f080d - "
                    + "CBS_E_MANIFEST_INVALID_ITEM]";
            default -> "Info                  CBS    Read out cached package applicability for package: "
                    + "Package_for_KB" + (2000000 + random.nextInt(999999)) + "~31bf3856ad364e35~amd64~~6.1.1.2, "
                    + "ApplicableState: 112, CurrentState:112, user S-1-5-21-" + random.nextInt(999999999) + "-"
                    + random.nextInt(999999999) + "-" + random.nextInt(99999999) + "-1013 {" + uuid().toUpperCase(Locale.ROOT)
                    + "}";
        };
    }

    private String base64(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String base64url(int n) {
        return base64(n).replace('+', '-').replace('/', '_');
    }

    private String prefix() {
        return timestamp() + " [" + pick("main", "http-nio-8080-exec-" + random.nextInt(20), "pool-2-thread-3")
                + "] " + pick(LEVELS) + " " + pick(LOGGERS) + " - ";
    }

    private String timestamp() {
        return String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private String alnum(int n) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String base64ish(int n) {
        return alnum(n).replace('q', '+').replace('Q', '/');
    }

    private String word() {
        return pick("orders", "billing", "search", "embeddings", "users", "reports", "assets");
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
