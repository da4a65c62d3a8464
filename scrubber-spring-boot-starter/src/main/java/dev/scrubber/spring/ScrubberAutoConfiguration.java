package dev.scrubber.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Makes the {@code scrubber.*} options a bean ({@code /actuator/configprops} lists them). The scrubbing itself is
 * installed earlier, when Spring Boot initialises logging, by {@link ScrubberLoggingListener}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ScrubberProperties.class)
public class ScrubberAutoConfiguration {
}
