package dev.scrubber.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot application with no logging configuration file, started as a user would start theirs. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApp {
    /** Starts the application with command-line arguments, without a web server and without the banner. */
    static ConfigurableApplicationContext run(String... args) {
        return run(WebApplicationType.NONE, args);
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, TestApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Spring Boot passes logging settings to the logging system as system properties and does not clear them when
     * an application closes; tests that run several applications in one JVM clear them in between.
     */
    static void clearLoggingSystemProperties() {
        for (String name : new String[] {"CONSOLE_LOG_STRUCTURED_FORMAT", "FILE_LOG_STRUCTURED_FORMAT", "LOG_FILE",
            "LOG_PATH"}) {
            System.clearProperty(name);
        }
    }

    static ConfigurableApplicationContext run(WebApplicationType web, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(TestApp.class).web(web).run(all.toArray(new String[0]));
    }
}
