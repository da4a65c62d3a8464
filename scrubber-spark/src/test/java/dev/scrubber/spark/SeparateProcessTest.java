package dev.scrubber.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrubber.core.FakeSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -cp … dev.scrubber.spark.ScrubLogs --master local[1]}: the job as its own process, with its exit status. */
class SeparateProcessTest {
    @TempDir
    Path dir;

    record Exit(int status, String out, String err) {
    }

    private Exit java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        Arrays.stream(System.getProperty("scrubber.spark.jvmOptions", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScrubLogs.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the job finished").isTrue();
        return new Exit(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void runsWithJavaCpAndAMasterAndExitsOneOnFindings() throws Exception {
        FakeSecrets fakes = new FakeSecrets(3);
        String key = fakes.openAiProjectKey();
        ScrubLogsTest.write(dir.resolve("in/a.log.gz"), "ok\nAuthorization: Bearer " + key + "\nok\n", true);
        ScrubLogsTest.write(dir.resolve("in/b.log"), "nothing to see\n", false);
        Exit exit = java("--master", "local[1]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--input", dir.resolve("in").toString(), "--output", dir.resolve("out").toString());
        assertThat(exit.status()).as(exit.err()).isEqualTo(1);
        assertThat(exit.out()).contains("files: 2 ").contains("lines read: 4").contains("lines changed: 1")
                .contains("findings: 1");
        assertThat(exit.out() + exit.err()).doesNotContain(key);
        assertThat(Files.readString(dir.resolve("out/b.log"))).isEqualTo("nothing to see\n");
        assertThat(Files.readAllBytes(dir.resolve("out/a.log.gz"))).startsWith(0x1f, 0x8b);
    }

    @Test
    void badArgumentsExitTwoAndHelpExitsZeroWithoutStartingSpark() throws Exception {
        Exit bad = java("--input");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("scrubber: --input needs a value").contains("usage: ScrubLogs");
        Exit help = java("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("exit status: 0 nothing found, 1 secrets found, 2 error");
    }
}
